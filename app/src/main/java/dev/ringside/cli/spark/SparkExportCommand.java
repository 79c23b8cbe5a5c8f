package dev.ringside.cli.spark;

import dev.ringside.app.history.CsvEntry;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.RangeOptionsEntry;
import dev.ringside.cli.ConnectionOptions;
import dev.ringside.cli.RangeOptions;
import dev.ringside.cli.UsageException;
import dev.ringside.cli.export.FormatOptions;
import dev.ringside.cli.export.RowOptions;
import dev.ringside.cli.export.ShapeOptions;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.SinkOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ringside spark-command export}: the spark-submit line of an export on Spark. */
@Command(name = "export", description = "Prints the spark-submit line of an export on Spark (the options as ringside "
        + "export's; --out is a directory URL that Spark fills with part files).")
final class SparkExportCommand implements Callable<Integer> {

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

    @Mixin
    FormatOptions format;

    @Mixin
    ShapeOptions shape;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "URL",
            description = "Output directory: a Hadoop URL (file://, hdfs://, s3a:// …) or a local path.")
    String out;

    @Mixin
    RowOptions rows;

    @Option(names = "--files", paramLabel = "N", defaultValue = "1", description = "Not on Spark: Spark writes one part file per task.")
    int files;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (out.isBlank()) {
            throw new UsageException("--out is empty: name the output directory, e.g. hdfs:///exports/orders.");
        }
        String last = out.replaceFirst("/+$", "").replaceFirst(".*/", "");
        ExportFormat fmt = format.format(Path.of(last.isEmpty() ? "out" : last));
        SinkOptions sink = format.sinkOptions(fmt, Path.of(last.isEmpty() ? "out" : last));
        // A job's record keeps bare names; the line quotes them again where CQL needs it.
        List<String> names = rows.columns().stream().map(SparkExportCommand::unquoted).toList();
        ExportEntry export = new ExportEntry(fmt.name(), out, names, rows.where(), files, rows.maxRowsPerSecond(),
                sink instanceof CsvOptions c ? CsvEntry.of(c) : null,
                sink instanceof ParquetOptions p ? p.compression().name() : null,
                sink instanceof JsonLinesOptions j ? j.compression().name() : null,
                shape.shape(), rows.pageSize(), sink instanceof ParquetOptions p ? p.rowGroupBytes() : 0);
        JobSpec job = new JobSpec(JobKind.EXPORT, range.keyspace(), range.table(), RangeOptionsEntry.of(range.toOptions()),
                export).withCluster(connection.toClusterEntry());
        spec.commandLine().getOut().println(target.submit(job, connection, overwrite ? List.of("--overwrite") : List.of()).posix());
        return 0;
    }

    private static String unquoted(String name) {
        String n = name.strip();
        return n.length() > 1 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1).replace("\"\"", "\"") : n;
    }
}
