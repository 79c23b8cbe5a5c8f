package dev.ringside.cli;

import dev.ringside.cli.count.CountCommand;
import dev.ringside.cli.export.ExportCommand;
import dev.ringside.cli.sandbox.DemoCommand;
import dev.ringside.cli.sandbox.SandboxCommand;
import picocli.CommandLine.Command;

/** {@code ringside}: the top command; without a subcommand the jar opens the desktop app instead. */
@Command(name = "ringside", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Counts and exports whole Cassandra tables by token range, in parallel.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {CountCommand.class, ExportCommand.class, dev.ringside.cli.spark.SparkCommandCommand.class, dev.ringside.cli.bench.BenchCommand.class, SandboxCommand.class, DemoCommand.class,
                picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:complete, exact result", "1:the job failed or is incomplete", "2:bad usage or input"})
public final class RingsideCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
