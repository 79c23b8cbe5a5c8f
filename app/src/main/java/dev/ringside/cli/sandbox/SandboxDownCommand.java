package dev.ringside.cli.sandbox;

import dev.ringside.cli.RingsideCli;
import dev.ringside.sandbox.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code sandbox down}: stops every node cleanly; {@code --delete} also removes the data. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops the sandbox nodes (they drain first, which takes a while).")
public final class SandboxDownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SandboxOptions where;

    @Option(names = "--delete", description = "Also delete the sandbox folder and its data.")
    boolean delete;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!java.nio.file.Files.exists(where.dir().resolve("sandbox.json"))) {
            out.println("No sandbox in " + where.dir() + ": nothing to stop.");
            return RingsideCli.OK;
        }
        LocalCluster cluster = where.cluster(0, false, out);
        out.println("Stopping the sandbox in " + where.dir() + " …");
        out.flush();
        cluster.stop(Duration.ofSeconds(60));
        if (delete) {
            cluster.delete();
            out.println("Deleted " + where.dir());
        }
        out.println("Sandbox stopped.");
        return RingsideCli.OK;
    }
}
