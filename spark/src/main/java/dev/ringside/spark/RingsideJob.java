package dev.ringside.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class dev.ringside.spark.RingsideJob ringside-spark.jar export|count ...}: Ringside's export
 * and count as a Spark application. Exit codes as the CLI's: 0 done, 1 the job failed, 2 bad input.
 */
@Command(name = "ringside-spark", mixinStandardHelpOptions = true, subcommands = {RingsideJob.Export.class, RingsideJob.Count.class},
        description = "Ringside's export and count of a Cassandra table, as a Spark job (spark-cassandra-connector).")
public final class RingsideJob implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command on the active (or a new) SparkSession; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RingsideJob());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof JobInputException) {
                err.println("ringside-spark: " + e.getMessage());
                return 2;
            }
            err.println("ringside-spark: the job failed, no result: " + JobFailure.describe(e));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command: export or count");
    }

    static SparkSession session() {
        return SparkSession.builder().appName("ringside").getOrCreate();
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a table to Parquet, CSV or JSON Lines files.")
    static final class Export implements Callable<Integer> {
        @Mixin
        SourceOptions source;

        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "URL",
                description = "Output directory URL (file://, hdfs://, s3a:// ...); Spark writes part files into it.")
        String out;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "parquet",
                description = "parquet, csv or jsonl (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Columns to export, in this order (default: all).")
        List<String> columns = new ArrayList<>();

        @Option(names = "--compression", paramLabel = "CODEC", description = "Spark's codec name (Parquet: snappy by default; text: none).")
        String compression;

        @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
        boolean overwrite;

        @Option(names = "--no-header", description = "CSV: no header line.")
        boolean noHeader;

        @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "CSV field delimiter (default: ${DEFAULT-VALUE}; \\t for tab).")
        String delimiter;

        @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "CSV quote character (default: ${DEFAULT-VALUE}).")
        String quote;

        @Option(names = "--escape", paramLabel = "CHAR", description = "CSV escape character (default: none, quotes are doubled).")
        String escape;

        @Option(names = "--null-string", paramLabel = "TEXT", defaultValue = "", description = "CSV text for null (default: empty field).")
        String nullString;

        @Override
        public Integer call() {
            ReadRequest read = source.request(columns);
            OutputRequest output = new OutputRequest(out, OutputFormat.of(format), compression, overwrite, !noHeader,
                    oneChar("--delimiter", delimiter.equals("\\t") ? "\t" : delimiter), oneChar("--quote", quote),
                    escape == null ? null : oneChar("--escape", escape), nullString);
            ExportSummary summary = new ExportJob(session(), RowsTap.none(), source.splitsFile()).run(read, output);
            spec.commandLine().getOut().println("Exported " + summary.rows() + " rows from " + summary.splits() + " splits in "
                    + summary.tasks() + " tasks to " + summary.url());
            return 0;
        }

        private static char oneChar(String option, String value) {
            if (value.length() != 1) {
                throw new JobInputException(option + " must be one character, not '" + value + "'");
            }
            return value.charAt(0);
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, description = "Count a table's rows exactly (server-side count per split).")
    static final class Count implements Callable<Integer> {
        @Mixin
        SourceOptions source;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            long rows = new CountJob(session(), source.splitsFile()).run(source.request(List.of()));
            spec.commandLine().getOut().println(rows);
            return 0;
        }
    }
}
