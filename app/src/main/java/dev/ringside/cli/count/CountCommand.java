package dev.ringside.cli.count;

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
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.estimate.SizeEstimator;
import dev.ringside.engine.estimate.TableEstimate;
import dev.ringside.cli.RangeSummaryJson;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringside count}: the exact number of rows of a table, counted range by range in parallel. */
@Command(name = "count", versionProvider = dev.ringside.cli.VersionProvider.class,
        description = "Counts the rows of a table exactly, one token range at a time, in parallel.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exact count", "1:the count failed or is incomplete", "2:bad usage or input"})
public final class CountCommand implements Callable<Integer> {

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

    @Mixin
    dev.ringside.cli.RangeReportOptions byRange;

    @Mixin
    CountInsightOptions insight;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var options = range.toOptions();
        int top = insight.topPartitions();
        byRange.check();
        if (insight.estimate() && (top > 0 || byRange.wanted())) {
            throw new IllegalArgumentException("--estimate reads no range, so it cannot go with --top-partitions or "
                    + "--by-range: run those without --estimate.");
        }
        var settings = connection.toSettings();
        try (CqlSession session = new SessionFactory().open(settings)) {
            if (insight.estimate()) {
                return estimate(session, out);
            }
            ProgressLine progress = new ProgressLine(err, System.console() != null, output.quiet());
            JobHandle<CountResult> handle = new CountEngine(session)
                    .start(new CountRequest(range.keyspace(), range.table(), options).withTopPartitions(top), progress);
            CountResult result = JobRunner.await(handle);
            byRange.write(result.ranges(), err);
            if (output.json()) {
                out.println(json(result));
            } else if (result.complete()) {
                out.println(result.rows());
                TopPartitionsText.print(out, result);
                err.println(String.format(Locale.ROOT, "%s: %,d rows in %.1f s (%,.0f rows/s, %d ranges, parallelism %d)",
                        result.table().displayName(), result.rows(), result.seconds(), result.rowsPerSecond(),
                        result.ranges().size(), result.parallelism()));
            }
            if (!result.complete()) {
                reportIncomplete(err, result);
                return RingsideCli.INCOMPLETE;
            }
            return RingsideCli.OK;
        }
    }

    private int estimate(CqlSession session, PrintWriter out) throws Exception {
        var table = new dev.ringside.cluster.SchemaCatalog(session).table(range.keyspace(), range.table());
        TableEstimate e = new SizeEstimator(session).estimate(table.keyspace(), table.table());
        out.println(output.json() ? EstimateOutput.json(table.keyspace(), table.table(), e)
                : EstimateOutput.text(table.displayName(), e));
        return RingsideCli.OK;
    }

    private static void reportIncomplete(PrintWriter err, CountResult result) {
        List<RangeOutcome> failed = result.failedRanges();
        if (result.cancelled()) {
            err.println("Count cancelled: " + result.unfinishedRanges() + " of " + result.ranges().size()
                    + " ranges not counted, so there is no exact total.");
            return;
        }
        err.println("Count incomplete: " + failed.size() + " of " + result.ranges().size()
                + " ranges failed, so there is no exact total. Failed ranges:");
        failed.stream().limit(20).forEach(r -> err.println("  " + r.range() + " after " + r.attempts() + " attempts: " + r.error()));
        if (failed.size() > 20) {
            err.println("  … and " + (failed.size() - 20) + " more");
        }
        err.println("Check that the replicas are up (nodetool status), then run the count again.");
    }

    static String json(CountResult r) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("keyspace", r.table().keyspace());
            g.writeStringField("table", r.table().table());
            g.writeBooleanField("complete", r.complete());
            g.writeBooleanField("cancelled", r.cancelled());
            g.writeNumberField("rows", r.rows());
            g.writeNumberField("ranges", r.ranges().size());
            g.writeNumberField("failedRanges", r.failedRanges().size());
            g.writeNumberField("parallelism", r.parallelism());
            g.writeNumberField("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            g.writeNumberField("rowsPerSecond", Math.round(r.rowsPerSecond()));
            g.writeObjectFieldStart("rowsPerNode");
            for (var e : r.rowsPerNode().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("failures");
            for (RangeOutcome f : r.failedRanges()) {
                g.writeStartObject();
                g.writeStringField("start", Long.toString(f.range().start()));
                g.writeStringField("end", Long.toString(f.range().end()));
                g.writeStringField("error", f.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            RangeSummaryJson.write(g, r.ranges());
            if (!r.topPartitions().isEmpty()) {
                TopPartitionsText.json(g, r.topPartitions());
            }
            g.writeEndObject();
        }
        return w.toString();
    }
}
