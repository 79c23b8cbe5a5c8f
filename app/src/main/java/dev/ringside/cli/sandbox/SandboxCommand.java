package dev.ringside.cli.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ringside sandbox}: a real local Cassandra cluster on loopback, for trying Ringside out. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Runs a local Cassandra " + dev.ringside.sandbox.SandboxSettings.CASSANDRA_VERSION
                + " cluster on 127.0.0.1..N with sample data (downloaded from Maven Central the first time).",
        subcommands = {SandboxUpCommand.class, SandboxStatusCommand.class, SandboxDownCommand.class,
                SandboxNodeCommands.Kill.class, SandboxNodeCommands.Restart.class})
public final class SandboxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
