package dev.ringside.cli.sandbox;

import dev.ringside.cli.RingsideCli;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sandbox status}: which nodes run and answer. Exit 0 when all are up, 1 otherwise. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows whether each sandbox node runs and answers CQL.")
public final class SandboxStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SandboxOptions where;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(where.dir().resolve("sandbox.json"))) {
            out.println("No sandbox in " + where.dir() + ". Start one with: ringside sandbox up");
            return RingsideCli.INCOMPLETE;
        }
        LocalCluster cluster = where.cluster(0, false, out);
        List<NodeStatus> nodes = cluster.status();
        var settings = cluster.settings();
        out.println("Sandbox in " + where.dir());
        for (NodeStatus n : nodes) {
            out.printf("  node %d  %-21s  %s%s%n", n.node(), n.endpoint(),
                    settings.multiDc() ? settings.datacenter(n.node()) + "  " : "",
                    n.answering() ? "up (pid " + n.pid() + ")" : n.running() ? "starting (pid " + n.pid() + ")" : "down");
        }
        if (settings.tls()) {
            out.println("TLS required; CA certificate: " + settings.tlsFiles().caPem().toAbsolutePath()
                    + ", truststore: " + settings.tlsFiles().truststore().toAbsolutePath()
                    + " (password in " + settings.tlsFiles().passwordFile().toAbsolutePath() + ")");
        }
        return nodes.stream().allMatch(NodeStatus::answering) ? RingsideCli.OK : RingsideCli.INCOMPLETE;
    }
}
