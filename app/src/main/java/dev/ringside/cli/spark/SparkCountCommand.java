package dev.ringside.cli.spark;

import dev.ringside.app.history.JobSpec;
import dev.ringside.cli.ConnectionOptions;
import dev.ringside.cli.RangeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ringside spark-command count}: the spark-submit line of an exact count on Spark. */
@Command(name = "count", description = "Prints the spark-submit line of an exact count on Spark (the options as ringside count's).")
final class SparkCountCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    dev.ringside.cli.HelpOptions help;

    @Mixin
    SparkTargetOptions target;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RangeOptions range;

    @Override
    public Integer call() throws Exception {
        JobSpec job = JobSpec.count(range.keyspace(), range.table(), range.toOptions()).withCluster(connection.toClusterEntry());
        spec.commandLine().getOut().println(target.submit(job, connection, List.of()).posix());
        return 0;
    }
}
