package dev.ringside.cli.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.cli.ConnectionOptions;
import dev.ringside.cli.JobRunner;
import dev.ringside.cli.OutputOptions;
import dev.ringside.cli.ProgressLine;
import dev.ringside.cli.RangeOptions;
import dev.ringside.cli.RingsideCli;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.engine.JobException;
import dev.ringside.engine.export.ExportEngine;
import dev.ringside.engine.export.ExportException;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.format.ByteSize;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.ExportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringside export}: a whole table to CSV, Parquet or JSON Lines files, range by range in parallel. */
@Command(name = "export", versionProvider = dev.ringside.cli.VersionProvider.class,
        description = "Exports a table to CSV, Parquet or JSON Lines, reading token ranges in parallel.%n"
                + "Files are written under .partial names and renamed when complete; --resume finishes an interrupted export.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:complete export", "1:the export failed or is incomplete (resume it)", "2:bad usage or input"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    dev.ringside.cli.HelpOptions help;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RangeOptions range;

    @Mixin
    FormatOptions format;

    @Mixin
    OutputOptions output;

    @Mixin
    ShapeOptions shape;

    @Mixin
    dev.ringside.cli.RangeReportOptions byRange;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PATH",
            description = "Output file; with --files N, the base name of name-00001.ext …; '-' for standard output "
                    + "(CSV or JSON Lines, for a pipe: one file, no resume; messages stay on stderr).")
    Path out;

    @Mixin
    RowOptions rows;

    @Option(names = "--files", paramLabel = "N", defaultValue = "1", description = "Files written in parallel (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--resume", description = "Finish an interrupted export of the same output from its checkpoint.")
    boolean resume;

    @Option(names = "--overwrite", description = "Replace existing output files (and any unfinished export of them).")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat fmt = format.format(this.out);
        if (files < 1 || files > ExportRequest.MAX_FILES) {
            throw new IllegalArgumentException("--files must be between 1 and " + ExportRequest.MAX_FILES + " (got " + files + ").");
        }
        int pageSize = rows.pageSize();
        long maxRowsPerSecond = rows.maxRowsPerSecond();
        ExportShape cut = shape.shape();
        var sinkOptions = format.sinkOptions(fmt, this.out);
        if (cut.maxRowsPerFile() == 1 && sinkOptions instanceof dev.ringside.sink.CsvOptions csv && csv.header()) {
            throw new IllegalArgumentException("--max-rows-per-file must be 2 or more with a CSV header, which takes a line "
                    + "of each file; add --no-header for 1 row per file.");
        }
        StandardOutput stdout = StandardOutput.isAsked(this.out) ? StandardOutput.open(fmt, sinkOptions, files, resume, cut) : null;
        if (stdout != null) {
            out = err; // standard output carries the rows: the summary and --json go to stderr
        }
        ExportRequest request;
        try {
            request = new ExportRequest(range.keyspace(), range.table(), rows.columns(), rows.where(), range.toOptions(),
                    sinkOptions, stdout != null ? stdout.placeholder() : this.out, files, pageSize, maxRowsPerSecond,
                    resume, overwrite || stdout != null, Duration.ofMillis(200), cut);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        byRange.check();
        var settings = connection.toSettings();
        try (CqlSession session = new SessionFactory().open(settings)) {
            ProgressLine progress = new ProgressLine(err, System.console() != null, output.quiet());
            JobHandle<ExportResult> handle;
            try {
                handle = new ExportEngine(session, stdout != null ? stdout.writers() : new DefaultRowFileWriters())
                        .start(request, progress);
            } catch (ExportException e) {
                throw new JobException(advice(e, fmt), e);
            }
            ExportResult result = JobRunner.await(handle);
            byRange.write(result.ranges(), err);
            if (output.json()) {
                out.println(json(result, cut, stdout != null));
            } else if (result.complete()) {
                String to = stdout != null ? "standard output" : describe(result.files()) + " (" + ByteSize.format(result.bytes())
                        + ", " + result.files().size() + " file" + (result.files().size() == 1 ? "" : "s") + ")";
                out.println(String.format(Locale.ROOT, "Exported %,d rows of %s to %s in %.1f s, %,.0f rows/s%s",
                        result.rows(), result.table().displayName(), to, result.seconds(), result.rowsPerSecond(),
                        ShapeLabel.of(cut, result)));
            }
            if (!result.complete()) {
                if (stdout != null) {
                    err.println("Export to standard output " + (result.cancelled() ? "cancelled" : "failed") + " after "
                            + String.format(Locale.ROOT, "%,d", result.rows()) + " rows"
                            + (result.error() != null ? ": " + result.error() : "") + ". What was written cannot be "
                            + "resumed; run it again, or export to a file to be able to --resume.");
                    return RingsideCli.INCOMPLETE;
                }
                reportIncomplete(err, result);
                return RingsideCli.INCOMPLETE;
            }
            return RingsideCli.OK;
        } finally {
            if (stdout != null) {
                stdout.close();
            }
        }
    }

    /** The engine's neutral message, with what to do in this command's words. */
    static String advice(ExportException e, ExportFormat fmt) {
        String todo = switch (e.kind()) {
            case FOLDER_MISSING -> "Create it or choose another --out.";
            case FOLDER_NOT_WRITABLE -> "Choose another --out.";
            case OUTPUT_IS_FOLDER -> "Give --out a file name, e.g. " + e.path().resolve("export." + fmt.extension()) + ".";
            case OUTPUT_EXISTS -> "Add --overwrite to replace it, or choose another --out.";
            case UNFINISHED_EXPORT -> "Add --resume to finish it, or --overwrite to start over.";
            case NOTHING_TO_RESUME -> "Run the export without --resume.";
            case CHECKPOINT_MISMATCH -> "Resume with the same options, or start over with --overwrite.";
            case FILTER_REJECTED -> "Correct --where: it is ANDed to each range query, as written in CQL.";
            case FILTER_NEEDS_ALLOW_FILTERING -> "End --where with ALLOW FILTERING if you accept the cost (the whole table is still read).";
        };
        return e.getMessage() + " " + todo;
    }

    private static String describe(List<Path> files) {
        return files.size() == 1 ? files.get(0).toString() : files.get(0).getParent().toString();
    }

    private static void reportIncomplete(PrintWriter err, ExportResult result) {
        if (result.cancelled()) {
            err.println("Export cancelled after " + String.format(Locale.ROOT, "%,d", result.rows()) + " rows. Partial files keep their .partial names.");
        } else if (result.error() != null) {
            err.println("Export failed: " + result.error());
        } else {
            List<RangeOutcome> failed = result.failedRanges();
            err.println("Export incomplete: " + failed.size() + " of " + result.ranges().size() + " ranges failed:");
            failed.stream().limit(20).forEach(r -> err.println("  " + r.range() + " after " + r.attempts() + " attempts: " + r.error()));
            if (failed.size() > 20) {
                err.println("  … and " + (failed.size() - 20) + " more");
            }
        }
        String checkpoint = result.checkpoint() != null ? " (checkpoint: " + result.checkpoint() + ")." : ".";
        if (result.partlyPublished()) {
            err.println("Some files already have their final names, others not yet. Run the same command with --resume to "
                    + "finish giving them their names, or with --overwrite to start over" + checkpoint);
        } else {
            err.println("Nothing was written under the final name. Run the same command with --resume to finish" + checkpoint);
        }
    }

    static String json(ExportResult r) throws IOException {
        return json(r, ExportShape.ALL, false);
    }

    static String json(ExportResult r, ExportShape shape, boolean toStdout) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("keyspace", r.table().keyspace());
            g.writeStringField("table", r.table().table());
            g.writeBooleanField("complete", r.complete());
            g.writeBooleanField("cancelled", r.cancelled());
            g.writeNumberField("rows", r.rows());
            g.writeNumberField("bytes", r.bytes());
            g.writeArrayFieldStart("files");
            for (Path f : toStdout ? List.<Path>of() : r.files()) {
                g.writeString(f.toString());
            }
            g.writeEndArray();
            if (toStdout) {
                g.writeBooleanField("stdout", true);
            }
            if (shape.limited()) {
                g.writeNumberField("limit", shape.limit());
            }
            if (shape.rolls()) {
                g.writeNumberField("maxRowsPerFile", shape.maxRowsPerFile());
            }
            if (shape.sampled()) {
                g.writeObjectFieldStart("sample");
                g.writeNumberField("fraction", shape.sample());
                g.writeNumberField("seed", shape.seed());
                g.writeNumberField("tokenShare", Math.round(ShapeLabel.tokenShare(r) * 1e6) / 1e6);
                g.writeEndObject();
            }
            g.writeNumberField("ranges", r.ranges().size());
            g.writeNumberField("failedRanges", r.failedRanges().size());
            g.writeNumberField("parallelism", r.parallelism());
            g.writeNumberField("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            g.writeNumberField("rowsPerSecond", Math.round(r.rowsPerSecond()));
            if (r.error() != null) {
                g.writeStringField("error", r.error());
            }
            if (r.checkpoint() != null) {
                g.writeStringField("checkpoint", r.checkpoint().toString());
            }
            g.writeArrayFieldStart("failures");
            for (RangeOutcome f : r.failedRanges()) {
                g.writeStartObject();
                g.writeStringField("start", Long.toString(f.range().start()));
                g.writeStringField("end", Long.toString(f.range().end()));
                g.writeStringField("error", f.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            dev.ringside.cli.RangeSummaryJson.write(g, r.ranges());
            g.writeEndObject();
        }
        return w.toString();
    }
}
