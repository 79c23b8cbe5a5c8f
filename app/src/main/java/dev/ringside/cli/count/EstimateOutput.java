package dev.ringside.cli.count;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.engine.estimate.TableEstimate;
import dev.ringside.format.ByteSize;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;

/** How {@code count --estimate} words its answer: always labelled as an estimate, with its caveats. */
final class EstimateOutput {

    static final String CAVEAT = "Not an exact count: Cassandra's estimate covers data flushed to disk only, each node "
            + "refreshes it every few minutes, and it counts partitions, not rows. Run count without --estimate for "
            + "the exact number of rows.";

    private EstimateOutput() {
    }

    static String text(String table, TableEstimate e) {
        if (!e.known()) {
            return "Estimate: none yet for " + table + " (" + e.nodesAnswered() + " of " + e.nodesAsked()
                    + " nodes answered). Cassandra estimates only data flushed to disk, a few minutes after it is "
                    + "flushed; try again later, or run count without --estimate.";
        }
        String coverage = e.ringCovered() < 0.999 ? String.format(Locale.ROOT,
                ", scaled up from the %.0f %% of the ring they cover", e.ringCovered() * 100) : "";
        return String.format(Locale.ROOT, "Estimate: about %,d partitions (%s) in %s, from system.size_estimates on "
                        + "%d of %d nodes%s.%n%s", e.partitions(), ByteSize.format(e.bytes()), table, e.nodesAnswered(),
                e.nodesAsked(), coverage, CAVEAT);
    }

    static String json(String keyspace, String table, TableEstimate e) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("keyspace", keyspace);
            g.writeStringField("table", table);
            g.writeBooleanField("estimate", true);
            g.writeBooleanField("known", e.known());
            g.writeNumberField("partitions", e.partitions());
            g.writeNumberField("bytes", e.bytes());
            g.writeNumberField("nodesAsked", e.nodesAsked());
            g.writeNumberField("nodesAnswered", e.nodesAnswered());
            g.writeNumberField("ringCovered", Math.round(e.ringCovered() * 1000) / 1000.0);
            g.writeStringField("caveat", CAVEAT);
            g.writeEndObject();
        }
        return w.toString();
    }
}
