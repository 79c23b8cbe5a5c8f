package dev.ringside.cli.count;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.count.HotPartition;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** count's {@code --top-partitions} answer, as text after the count and in {@code --json}. */
final class TopPartitionsText {

    private TopPartitionsText() {
    }

    static void print(PrintWriter out, CountResult result) {
        List<HotPartition> top = result.topPartitions();
        if (top.isEmpty()) {
            return;
        }
        List<String> names = result.table().partitionKey().stream().map(ColumnInfo::cqlName).toList();
        out.println("Top " + top.size() + " partitions by rows:");
        for (int i = 0; i < top.size(); i++) {
            HotPartition p = top.get(i);
            String key = IntStream.range(0, p.key().size())
                    .mapToObj(k -> (k < names.size() ? names.get(k) : "?") + "=" + p.key().get(k))
                    .collect(Collectors.joining(", "));
            out.println(String.format(Locale.ROOT, "%4d. %s  rows %,d  token %d  owners %s", i + 1, key, p.rows(),
                    p.token(), String.join(", ", p.replicas())));
        }
    }

    static void json(JsonGenerator g, List<HotPartition> top) throws IOException {
        g.writeArrayFieldStart("topPartitions");
        for (HotPartition p : top) {
            g.writeStartObject();
            g.writeArrayFieldStart("key");
            for (String v : p.key()) {
                g.writeString(v);
            }
            g.writeEndArray();
            g.writeStringField("token", Long.toString(p.token()));
            g.writeNumberField("rows", p.rows());
            g.writeArrayFieldStart("owners");
            for (String n : p.replicas()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
