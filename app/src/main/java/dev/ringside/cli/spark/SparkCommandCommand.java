package dev.ringside.cli.spark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ringside spark-command export|count}: prints the spark-submit line that runs the job on Spark. */
@Command(name = "spark-command", versionProvider = dev.ringside.cli.VersionProvider.class,
        description = "Prints the spark-submit command that runs an export or a count as a Spark job "
                + "(ringside-spark.jar, through the Cassandra Spark connector). It connects to nothing and holds no secret.",
        subcommands = {SparkExportCommand.class, SparkCountCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the command was printed", "2:bad usage, or an option Spark cannot do"})
public final class SparkCommandCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    dev.ringside.cli.HelpOptions help;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name the job: export or count.");
    }
}
