package dev.ringside.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.bench.Measurement;
import dev.ringside.bench.Summary;
import dev.ringside.cluster.TableInfo;
import dev.ringside.format.ByteSize;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's summaries as a table for people, a sweep table, or one JSON object for machines. */
final class BenchReport {

    private final TableInfo table;
    private final int rounds;
    private final List<Summary> summaries;

    BenchReport(TableInfo table, int rounds, List<Summary> summaries) {
        this.table = table;
        this.rounds = rounds;
        this.summaries = List.copyOf(summaries);
    }

    /** One line per run: medians over the rounds, each beside its ceiling (exports: the raw scan; count: count(*)). */
    String table() {
        StringBuilder b = new StringBuilder();
        Summary first = summaries.get(0);
        b.append(String.format(Locale.ROOT, "Ringside benchmark: %s, %,d rows, %d ranges, parallelism %d, medians of %d "
                + "interleaved round%s%n", table.displayName(), first.rows(), first.first().ranges(),
                first.first().parallelism(), rounds, rounds == 1 ? "" : "s"));
        b.append(String.format(Locale.ROOT, "%-22s %11s %8s %8s %9s %11s %10s %10s %9s%n", "run", "rows/s", "MB/s",
                "wall s", "client s", "CPU/row ×", "peak heap", "written", "of ceil."));
        for (Summary s : summaries) {
            b.append(String.format(Locale.ROOT, "%-22s %,11.0f %8.1f %8.2f %9.2f %11s %10s %10s %8.0f%%%n", s.name(),
                    s.rowsPerSecond(), s.megabytesPerSecond(), s.medianSeconds(), s.medianCpuSeconds(),
                    String.format(Locale.ROOT, "%.2f", s.cpuPerRowOverCeiling()),
                    ByteSize.format(s.peakHeapBytes()), s.name().startsWith("export") ? ByteSize.format(s.bytes()) : "-",
                    100 * s.shareOfCeiling()));
        }
        b.append("CPU/row ×: client CPU per row over its ceiling's. MB/s: bytes written (exports) or value bytes "
                + "received (raw scan).").append(System.lineSeparator());
        return b.toString();
    }

    /** Per parallelism: count and CSV export rows/s, their speedup over the first parallelism, rows per CPU-second. */
    String sweep() {
        Map<String, Map<String, Summary>> byGroup = new LinkedHashMap<>();
        for (Summary s : summaries) {
            byGroup.computeIfAbsent(s.contender().group(), g -> new LinkedHashMap<>()).put(kindOf(s), s);
        }
        StringBuilder b = new StringBuilder();
        Summary first = summaries.get(0);
        b.append(String.format(Locale.ROOT, "Ringside scaling: %s, %,d rows, %d ranges, medians of %d interleaved round%s%n",
                table.displayName(), first.rows(), first.first().ranges(), rounds, rounds == 1 ? "" : "s"));
        b.append(String.format(Locale.ROOT, "%11s %12s %8s %12s %8s %13s %12s %10s%n", "parallelism", "count rows/s",
                "speedup", "csv rows/s", "speedup", "csv rows/CPUs", "raw rows/s", "csv/raw"));
        Map<String, Summary> base = byGroup.values().iterator().next();
        for (Map.Entry<String, Map<String, Summary>> e : byGroup.entrySet()) {
            Map<String, Summary> g = e.getValue();
            Summary count = g.get("count");
            Summary csv = g.get("export");
            Summary raw = g.get("raw scan");
            b.append(String.format(Locale.ROOT, "%11s %,12.0f %7.2f× %,12.0f %7.2f× %,13.0f %,12.0f %9.0f%%%n", e.getKey(),
                    count.rowsPerSecond(), count.rowsPerSecond() / base.get("count").rowsPerSecond(),
                    csv.rowsPerSecond(), csv.rowsPerSecond() / base.get("export").rowsPerSecond(),
                    csv.rowsPerCpuSecond(), raw.rowsPerSecond(), 100 * csv.shareOfCeiling()));
        }
        return b.toString();
    }

    String json() throws IOException {
        StringWriter w = new StringWriter();
        Summary first = summaries.get(0);
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("keyspace", table.keyspace());
            g.writeStringField("table", table.table());
            g.writeNumberField("rows", first.rows());
            g.writeNumberField("ranges", first.first().ranges());
            g.writeNumberField("rounds", rounds);
            g.writeArrayFieldStart("runs");
            for (Summary s : summaries) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeNumberField("parallelism", s.first().parallelism());
                g.writeNumberField("rows", s.rows());
                g.writeNumberField("bytes", s.bytes());
                g.writeNumberField("medianSeconds", round3(s.medianSeconds()));
                g.writeNumberField("rowsPerSecond", Math.round(s.rowsPerSecond()));
                g.writeNumberField("megabytesPerSecond", round3(s.megabytesPerSecond()));
                g.writeNumberField("clientCpuSeconds", round3(s.medianCpuSeconds()));
                g.writeNumberField("rowsPerCpuSecond", Math.round(s.rowsPerCpuSecond()));
                g.writeNumberField("peakHeapBytes", s.peakHeapBytes());
                g.writeNumberField("shareOfCeiling", round3(s.shareOfCeiling()));
                g.writeArrayFieldStart("seconds");
                for (Measurement m : s.runs()) {
                    g.writeNumber(round3(m.seconds()));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static String kindOf(Summary s) {
        if (s.contender().ceiling()) {
            return s.contender().kind().equals("count") ? "raw count" : "raw scan";
        }
        return s.contender().kind().equals("count") ? "count" : "export";
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
