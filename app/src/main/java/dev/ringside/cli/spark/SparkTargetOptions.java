package dev.ringside.cli.spark;

import dev.ringside.app.history.JobSpec;
import dev.ringside.app.spark.NotOnSparkException;
import dev.ringside.app.spark.SparkCommands;
import dev.ringside.app.spark.SparkGap;
import dev.ringside.app.spark.SparkJobJar;
import dev.ringside.app.spark.SparkSubmit;
import dev.ringside.app.spark.SparkTarget;
import dev.ringside.cli.ConnectionOptions;
import dev.ringside.cli.UsageException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Where the job runs: spark-submit's master, the job jar and the connector package; and the wording of refusals. */
final class SparkTargetOptions {

    @Option(names = "--master", paramLabel = "URL", defaultValue = SparkTarget.LOCAL,
            description = "Spark master: local[*] (default), spark://host:7077, yarn, k8s://https://host:6443.")
    String master;

    @Option(names = "--job-jar", paramLabel = "PATH",
            description = "ringside-spark.jar as spark-submit reads it (a path or URL; default: the one beside "
                    + "ringside's own jar, else " + SparkJobJar.FILE_NAME + ").")
    String jobJar;

    @Option(names = "--packages", paramLabel = "COORDS",
            description = "The connector for spark-submit --packages (default: the one this build is tested with); "
                    + "--packages= leaves it out, for a cluster that has it.")
    String packages;

    /** The spark-submit for {@code job}, or a usage error in the command line's words. */
    SparkSubmit submit(JobSpec job, ConnectionOptions connection, List<String> extraArgs) throws UsageException {
        if (connection.passwordPrompt()) {
            throw new UsageException("The Spark job cannot ask for a password: give --password-file FILE, a file the "
                    + "job reads on the Spark driver.");
        }
        SparkTarget target;
        try {
            target = new SparkTarget(master, jobJar != null ? jobJar
                    : new SparkJobJar().find().map(Path::toString).orElse(SparkJobJar.FILE_NAME),
                    text(connection.passwordFile()), text(connection.truststorePasswordFile()),
                    text(connection.keystorePasswordFile()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SparkCommands commands = packages == null ? new SparkCommands(target) : new SparkCommands(target, packages);
        SparkSubmit submit;
        try {
            submit = commands.of(job);
        } catch (NotOnSparkException e) {
            throw new UsageException("Not available on Spark: " + e.gaps().stream().map(SparkTargetOptions::flag)
                    .collect(Collectors.joining(", ")) + ". Leave " + (e.gaps().size() == 1 ? "it" : "them")
                    + " out to run the job on Spark, or run it with ringside itself.");
        }
        List<String> args = new ArrayList<>(submit.appArgs());
        args.addAll(extraArgs);
        return new SparkSubmit(submit.master(), submit.packages(), submit.conf(), submit.files(), submit.jar(), args);
    }

    /** A gap in this command line's words: its flag, and why where the flag does not say. */
    private static String flag(SparkGap gap) {
        return switch (gap) {
            case FILES -> "--files (Spark writes one part file per task)";
            case ROWS_PER_FILE -> "--max-rows-per-file (Spark writes one part file per task)";
            case LIMIT -> "--limit";
            case SAMPLE -> "--sample";
            case TOKEN_SPAN -> "--start-token/--end-token (Spark reads the whole ring)";
            case TOP_PARTITIONS -> "--top-partitions";
            case BOM -> "--bom";
            case WRITETIME_TTL -> "writetime() and ttl() in --columns";
            case DRIVER_CONFIG -> "--driver-config (give the connector's spark.cassandra.* settings with --conf instead)";
            case TLS_HOSTNAME_VERIFICATION -> "TLS with host-name verification (the Spark connector does not check the "
                    + "server's host name; only --tls-no-hostname-verification runs on Spark)";
            case PEM_CA -> "--tls-ca (the connector reads a truststore: import the certificate with keytool -importcert "
                    + "and give --tls-truststore)";
        };
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }
}
