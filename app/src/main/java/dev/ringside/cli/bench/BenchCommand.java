package dev.ringside.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.bench.BenchRounds;
import dev.ringside.bench.Contender;
import dev.ringside.bench.Measurement;
import dev.ringside.bench.RawScan;
import dev.ringside.bench.ResourceMeter;
import dev.ringside.bench.Summary;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Interleaved rounds: every run once per round, each round starting one run further on; "
                    + "the table shows medians (1 to " + MAX_ROUNDS + ", default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--sweep", split = ",", paramLabel = "P",
            description = "Instead of the formats, measure count and CSV export at each of these parallelisms "
                    + "(e.g. 1,2,4,8,16,auto) and print the speedup over the first.")
    List<String> sweep;

    static final int MAX_ROUNDS = 100;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be between 1 and " + MAX_ROUNDS + " (got " + rounds + ").");
        }
        List<ExportFormat> exportFormats = new ArrayList<>();
        for (String f : formats) {
            exportFormats.add(FormatOptions.parseFormat(f));
        }
        RangeJobOptions options = range.toOptions();
        List<RangeJobOptions> sweepOptions = new ArrayList<>();
        if (sweep != null) {
            for (String entry : sweep) {
                if (entry.trim().equalsIgnoreCase("auto")) {
                    sweepOptions.add(options.withParallelism(0));
                    continue;
                }
                int p;
                try {
                    p = Integer.parseInt(entry.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--sweep " + entry + ": give whole numbers or auto, e.g. "
                            + "1,2,4,8,16,auto.");
                }
                Optional<String> problem = RangeJobOptions.parallelismProblem(p, options.splits());
                if (problem.isPresent()) {
                    throw new IllegalArgumentException("--sweep " + p + ": the parallelism " + problem.get()
                            .replace("the split count", "--splits").replace("lower the parallelism", "lower it"));
                }
                sweepOptions.add(options.withParallelism(p));
            }
        }
        Path dir = workDir != null ? workDir : Files.createTempDirectory("ringside-bench");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--work-dir " + dir + " is not a folder. Create it or choose another.");
        }
        try (CqlSession session = new SessionFactory().open(connection.toSettings())) {
            TableInfo table = new SchemaCatalog(session).table(range.keyspace(), range.table());
            Runs runs = new Runs(session, table, dir);
            say(err, "Warming up (one raw scan, not counted) …");
            runs.raw.scan(table, options, pageSize);
            List<Contender> contenders = new ArrayList<>();
            if (sweep == null) {
                contenders.add(runs.rawScan("", options));
                contenders.add(runs.rawCount("", options));
                contenders.add(runs.count("", options));
                for (ExportFormat format : exportFormats) {
                    contenders.add(runs.export("", options, format));
                }
            } else {
                for (RangeJobOptions o : sweepOptions) {
                    String group = o.autoParallelism() ? "auto" : Integer.toString(o.parallelism());
                    contenders.add(runs.rawScan(group, o));
                    contenders.add(runs.rawCount(group, o));
                    contenders.add(runs.count(group, o));
                    contenders.add(runs.export(group, o, ExportFormat.CSV));
                }
            }
            List<Summary> summaries;
            try {
                summaries = new BenchRounds(new ResourceMeter(), line -> say(err, line)).run(contenders, rounds);
            } catch (Incomplete e) {
                err.println(e.getMessage());
                return RingsideCli.INCOMPLETE;
            }
            BenchReport report = new BenchReport(table, rounds, summaries);
            if (output.json()) {
                out.println(report.json());
            } else if (sweep == null) {
                out.print(report.table());
            } else {
                out.print(report.sweep());
            }
            out.flush();
            return RingsideCli.OK;
        } finally {
            if (workDir == null) {
                try (Stream<Path> left = Files.walk(dir)) {
                    left.sorted(Comparator.reverseOrder()).forEach(BenchCommand::deleteQuietly);
                }
            }
        }
    }

    /** A run that did not read the whole table: its numbers would flatter it, so the benchmark stops. */
    private static final class Incomplete extends Exception {
        Incomplete(String message) {
            super(message);
        }
    }

    /** The contenders, each a run of one kind on the same session, table and work folder. */
    private final class Runs {
        final CqlSession session;
        final TableInfo table;
        final Path dir;
        final RawScan raw;

        Runs(CqlSession session, TableInfo table, Path dir) {
            this.session = session;
            this.table = table;
            this.dir = dir;
            this.raw = new RawScan(session);
        }

        Contender rawScan(String group, RangeJobOptions o) {
            return new Contender("raw driver scan" + at(group), group, true, "scan", () -> raw.scan(table, o, pageSize));
        }

        Contender rawCount(String group, RangeJobOptions o) {
            return new Contender("raw driver count(*)" + at(group), group, true, "count", () -> raw.count(table, o));
        }

        Contender count(String group, RangeJobOptions o) {
            return new Contender("count" + at(group), group, false, "count", () -> {
                CountResult count = JobRunner.await(new CountEngine(session)
                        .start(new CountRequest(table.keyspace(), table.table(), o), quiet()));
                if (!count.complete()) {
                    throw new Incomplete("The count did not complete (" + count.failedRanges().size()
                            + " ranges failed); no benchmark.");
                }
                return new Measurement("count", count.rows(), 0, count.elapsed(), count.parallelism(), count.ranges().size());
            });
        }

        Contender export(String group, RangeJobOptions o, ExportFormat format) {
            String name = "export " + format.extension();
            return new Contender(name + at(group), group, false, "scan", () -> {
                Path file = dir.resolve("bench-" + table.table() + "." + format.extension());
                ExportRequest request = new ExportRequest(table.keyspace(), table.table(), List.of(), null, o,
                        sinkOptions(format), file, 1, pageSize, 0, false, true, Duration.ofSeconds(1));
                ExportResult result = JobRunner.await(new ExportEngine(session, new DefaultRowFileWriters()).start(request, quiet()));
                result.files().forEach(BenchCommand::deleteQuietly);
                if (!result.complete()) {
                    throw new Incomplete("The " + format.extension() + " export did not complete; no benchmark.");
                }
                return new Measurement(name, result.rows(), result.bytes(), result.elapsed(), result.parallelism(),
                        result.ranges().size());
            });
        }

        private String at(String group) {
            return group.isEmpty() ? "" : " @" + group;
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

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(BenchCommand.class).warn("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
