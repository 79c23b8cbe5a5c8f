package dev.ringside.cli.sandbox;

import dev.ringside.cli.RingsideCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code sandbox kill N} and {@code sandbox restart N}: simulate a crash and a recovery, to watch retries. */
public final class SandboxNodeCommands {

    private SandboxNodeCommands() {
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "Kills one node at once, as a crash would.")
    public static final class Kill implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SandboxOptions where;
        @Parameters(paramLabel = "NODE", description = "Node number, 1 to N.")
        int node;

        @Override
        public Integer call() throws Exception {
            var cluster = where.cluster(0, false, spec.commandLine().getOut());
            check(node, cluster.settings().nodes());
            cluster.kill(node);
            return RingsideCli.OK;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Starts a stopped or killed node again.")
    public static final class Restart implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SandboxOptions where;
        @Parameters(paramLabel = "NODE", description = "Node number, 1 to N.")
        int node;

        @Override
        public Integer call() throws Exception {
            var cluster = where.cluster(0, false, spec.commandLine().getOut());
            check(node, cluster.settings().nodes());
            cluster.restart(node);
            return RingsideCli.OK;
        }
    }

    private static void check(int node, int nodes) {
        if (node < 1 || node > nodes) {
            throw new IllegalArgumentException("NODE must be between 1 and " + nodes + " (got " + node + ").");
        }
    }
}
