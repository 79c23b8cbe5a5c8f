package dev.ringside.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts one Cassandra node as a forked JVM, with the module flags Cassandra needs on Java 17. */
final class NodeLauncher {

    /** From Cassandra's own conf/jvm17-server.options. */
    private static final List<String> JAVA17_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.math=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED");

    private final SandboxSettings settings;
    private final NodeFiles files;
    private final List<Path> classpath;

    NodeLauncher(SandboxSettings settings, NodeFiles files, List<Path> classpath) {
        this.settings = settings;
        this.files = files;
        this.classpath = classpath;
    }

    Process start(int node) throws IOException {
        files.write(node);
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xms" + settings.heap());
        command.add("-Xmx" + settings.heap());
        command.add("-XX:+UseG1GC");
        command.add("-XX:ActiveProcessorCount=2");
        command.add("-Xss512k");
        command.addAll(JAVA17_FLAGS);
        command.add("-Dcassandra.config=" + files.yaml(node).toAbsolutePath().toUri());
        command.add("-Dcassandra-foreground=yes");
        if (settings.multiDc()) {
            command.add("-Dcassandra-rackdc.properties=" + files.rackdc(node).toAbsolutePath().toUri());
        }
        command.add("-Dcassandra.jmx.local.port=" + settings.jmxPort(node));
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        command.add("-Dcassandra.ring_delay_ms=1000");
        command.add("-Dcassandra.superuser_setup_delay_ms=0");
        command.add("-Dcassandra.storagedir=" + settings.nodeDir(node).toAbsolutePath());
        command.add("-Dcassandra.logdir=" + settings.nodeDir(node).resolve("logs").toAbsolutePath());
        command.add("-Dlogback.configurationFile=" + files.logback(node).toAbsolutePath());
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add("org.apache.cassandra.service.CassandraDaemon");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.nodeDir(node).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.output(node).toFile()));
        return builder.start();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
