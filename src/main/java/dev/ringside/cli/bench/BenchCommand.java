package dev.ringside.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.bench.Measurement;
import dev.ringside.bench.RawScan;
import dev.ringside.cli.ConnectionOptions;
import dev.ringside.cli.JobRunner;
import dev.ringside.cli.OutputOptions;
import dev.ringside.cli.RangeOptions;
import dev.ringside.cli.RingsideCli;
import dev.ringside.cli.export.FormatOptions;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.export.ExportEngine;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.format.ByteSize;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.SinkOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ringside bench}: count and export throughput on a real table, printed beside the raw-driver ceiling
 * measured in the same run with the same ranges and parallelism.
 */
@Command(name = "bench", versionProvider = dev.ringside.cli.VersionProvider.class,
        description = "Measures count and export throughput of a table beside the raw-driver ceiling "
                + "(the same token ranges read with the bare driver and dropped), all in one run.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every run complete", "1:a run failed or was incomplete", "2:bad usage or input"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    dev.ringside.cli.HelpOptions help;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RangeOptions range;

    @Mixin
    OutputOptions output;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT", defaultValue = "csv,parquet,jsonl",
            description = "Export formats to measure (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + ExportRequest.DEFAULT_PAGE_SIZE,
            description = "Rows per page, for the exports and the raw scan alike (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--work-dir", paramLabel = "FOLDER",
            description = "Where the exports are written, then deleted (default: a new temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ExportFormat> exportFormats = new ArrayList<>();
        for (String f : formats) {
            exportFormats.add(FormatOptions.parseFormat(f));
        }
        RangeJobOptions options = range.toOptions();
        Path dir = workDir != null ? workDir : Files.createTempDirectory("ringside-bench");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--work-dir " + dir + " is not a folder. Create it or choose another.");
        }
        try (CqlSession session = new SessionFactory().open(connection.toSettings())) {
            TableInfo table = new SchemaCatalog(session).table(range.keyspace(), range.table());
            RawScan raw = new RawScan(session);
            say(err, "Warming up (one raw scan, not counted) …");
            raw.run(table, options, pageSize);
            List<Measurement> runs = new ArrayList<>();
            say(err, "Raw driver scan …");
            Measurement before = raw.run(table, options, pageSize);
            say(err, "Count …");
            CountResult count = JobRunner.await(new CountEngine(session).start(new CountRequest(table.keyspace(), table.table(), options), quiet()));
            if (!count.complete()) {
                err.println("The count did not complete (" + count.failedRanges().size() + " ranges failed); no benchmark.");
                return RingsideCli.INCOMPLETE;
            }
            runs.add(new Measurement("count", count.rows(), 0, count.elapsed(), count.parallelism(), count.ranges().size()));
            for (ExportFormat format : exportFormats) {
                say(err, "Export " + format.extension() + " …");
                Path file = dir.resolve("bench-" + table.table() + "." + format.extension());
                ExportRequest request = new ExportRequest(table.keyspace(), table.table(), List.of(), null, options,
                        sinkOptions(format), file, 1, pageSize, 0, false, true, Duration.ofSeconds(1));
                ExportResult result = JobRunner.await(new ExportEngine(session, new DefaultRowFileWriters()).start(request, quiet()));
                result.files().forEach(BenchCommand::deleteQuietly);
                if (!result.complete()) {
                    err.println("The " + format.extension() + " export did not complete; no benchmark.");
                    return RingsideCli.INCOMPLETE;
                }
                runs.add(new Measurement("export " + format.extension(), result.rows(), result.bytes(), result.elapsed(),
                        result.parallelism(), result.ranges().size()));
            }
            // The ceiling is the better of two raw scans, one before and one after the others, so that a cluster
            // busy compacting at the start (or warmer at the end) does not flatter Ringside's share.
            say(err, "Raw driver scan again …");
            Measurement after = raw.run(table, options, pageSize);
            runs.add(0, before.rowsPerSecond() >= after.rowsPerSecond() ? before : after);
            if (output.json()) {
                out.println(json(table, runs));
            } else {
                print(out, table, runs);
            }
            return RingsideCli.OK;
        } finally {
            if (workDir == null) {
                try (Stream<Path> left = Files.walk(dir)) {
                    left.sorted(Comparator.reverseOrder()).forEach(BenchCommand::deleteQuietly);
                }
            }
        }
    }

    private static SinkOptions sinkOptions(ExportFormat format) {
        return switch (format) {
            case CSV -> CsvOptions.defaults();
            case PARQUET -> ParquetOptions.defaults();
            case JSONL -> new JsonLinesOptions();
        };
    }

    private static ProgressListener quiet() {
        return snapshot -> { };
    }

    private void say(PrintWriter err, String line) {
        if (!output.quiet()) {
            err.println(line);
            err.flush();
        }
    }

    private static void print(PrintWriter out, TableInfo table, List<Measurement> runs) {
        Measurement ceiling = runs.get(0);
        out.printf(Locale.ROOT, "Ringside benchmark: %s, %,d rows, %d ranges, parallelism %d%n",
                table.displayName(), ceiling.rows(), ceiling.ranges(), ceiling.parallelism());
        out.printf(Locale.ROOT, "%-32s %12s %9s %12s %10s%n", "run", "rows/s", "seconds", "written", "of ceiling");
        for (Measurement m : runs) {
            out.printf(Locale.ROOT, "%-32s %,12.0f %9.2f %12s %9.0f%%%n", m.name(), m.rowsPerSecond(), m.seconds(),
                    m.name().startsWith("export") ? ByteSize.format(m.bytes()) : "-", 100 * m.shareOf(ceiling));
        }
    }

    static String json(TableInfo table, List<Measurement> runs) throws IOException {
        StringWriter w = new StringWriter();
        Measurement ceiling = runs.get(0);
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("keyspace", table.keyspace());
            g.writeStringField("table", table.table());
            g.writeNumberField("rows", ceiling.rows());
            g.writeNumberField("ranges", ceiling.ranges());
            g.writeNumberField("parallelism", ceiling.parallelism());
            g.writeArrayFieldStart("runs");
            for (Measurement m : runs) {
                g.writeStartObject();
                g.writeStringField("name", m.name());
                g.writeNumberField("rows", m.rows());
                g.writeNumberField("bytes", m.bytes());
                g.writeNumberField("seconds", Math.round(m.seconds() * 1000) / 1000.0);
                g.writeNumberField("rowsPerSecond", Math.round(m.rowsPerSecond()));
                g.writeNumberField("shareOfCeiling", Math.round(m.shareOf(ceiling) * 1000) / 1000.0);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(BenchCommand.class).warn("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
