package dev.ringside.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.engine.report.RangeSummary;
import dev.ringside.engine.run.RangeOutcome;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The {@code rangeSummary} object of count's and export's {@code --json}. */
public final class RangeSummaryJson {

    private RangeSummaryJson() {
    }

    public static void write(JsonGenerator g, List<RangeOutcome> ranges) throws IOException {
        RangeSummary s = RangeSummary.of(ranges);
        g.writeObjectFieldStart("rangeSummary");
        g.writeObjectFieldStart("rowsPerNode");
        for (var e : s.rowsPerNode().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        range(g, "densest", s.densest(), s);
        range(g, "sparsest", s.sparsest(), s);
        g.writeEndObject();
    }

    private static void range(JsonGenerator g, String name, Optional<RangeOutcome> range, RangeSummary s)
            throws IOException {
        if (range.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        RangeOutcome r = range.get();
        g.writeObjectFieldStart(name);
        g.writeStringField("start", Long.toString(r.range().start()));
        g.writeStringField("end", Long.toString(r.range().end()));
        g.writeNumberField("rows", r.rows());
        g.writeStringField("node", r.node());
        g.writeNumberField("rowsPerToken", RangeSummary.density(r));
        g.writeNumberField("relativeDensity", Math.round(s.relativeDensity(r) * 1000) / 1000.0);
        g.writeEndObject();
    }
}
