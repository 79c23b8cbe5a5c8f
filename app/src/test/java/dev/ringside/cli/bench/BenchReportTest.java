package dev.ringside.cli.bench;

import com.datastax.oss.driver.api.core.type.DataTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.bench.Contender;
import dev.ringside.bench.Measurement;
import dev.ringside.bench.Summary;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.ColumnKind;
import dev.ringside.cluster.TableInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ringside bench} prints, from fixed measurements. */
class BenchReportTest {

    private static final TableInfo TABLE = new TableInfo("demo", "events",
            List.of(new ColumnInfo("id", DataTypes.UUID, ColumnKind.PARTITION_KEY)));

    private static Summary summary(String name, String group, boolean ceiling, String kind, double seconds, double cpu,
                                   Summary of) {
        Measurement m = new Measurement(name, 1_000_000, 150_000_000, Duration.ofMillis(Math.round(seconds * 1000)),
                Integer.parseInt(group.isEmpty() ? "6" : group), 260, Duration.ofMillis(Math.round(cpu * 1000)), 80L << 20);
        return Summary.of(new Contender(name, group, ceiling, kind, () -> m), List.of(m), of);
    }

    @Test
    void theTableShowsEveryColumnTheIssueAsksForBesideTheCeiling() {
        Summary raw = summary("raw driver scan", "", true, "scan", 8, 4, null);
        Summary rawCount = summary("raw driver count(*)", "", true, "count", 5, 0.5, null);
        Summary count = summary("count", "", false, "count", 4, 0.5, rawCount);
        Summary csv = summary("export csv", "", false, "scan", 10, 6, raw);
        String text = new BenchReport(TABLE, 3, List.of(raw, rawCount, count, csv)).table();

        assertThat(text).contains("demo.events, 1,000,000 rows, 260 ranges, parallelism 6, medians of 3 interleaved rounds");
        assertThat(text).contains("rows/s", "MB/s", "wall s", "client s", "CPU/row ×", "peak heap", "of ceil.");
        String csvLine = text.lines().filter(l -> l.startsWith("export csv")).findFirst().orElseThrow();
        assertThat(csvLine).contains("100,000", "15.0", "10.00", "6.00", "1.50", "80.0 MB", "143.1 MB", "80%");
        String countLine = text.lines().filter(l -> l.startsWith("count")).findFirst().orElseThrow();
        assertThat(countLine).contains("250,000", "125%");
    }

    @Test
    void theSweepShowsSpeedupOverTheFirstParallelismAndRowsPerCpuSecond() {
        Summary raw1 = summary("raw driver scan @1", "1", true, "scan", 20, 4, null);
        Summary rawCount1 = summary("raw driver count(*) @1", "1", true, "count", 10, 1, null);
        Summary count1 = summary("count @1", "1", false, "count", 10, 1, rawCount1);
        Summary csv1 = summary("export csv @1", "1", false, "scan", 40, 8, raw1);
        Summary raw4 = summary("raw driver scan @4", "4", true, "scan", 8, 4, null);
        Summary rawCount4 = summary("raw driver count(*) @4", "4", true, "count", 4, 1, null);
        Summary count4 = summary("count @4", "4", false, "count", 4, 1, rawCount4);
        Summary csv4 = summary("export csv @4", "4", false, "scan", 10, 8, raw4);
        String text = new BenchReport(TABLE, 1, List.of(raw1, rawCount1, count1, csv1, raw4, rawCount4, count4, csv4)).sweep();

        String p4 = text.lines().filter(l -> l.trim().startsWith("4 ")).findFirst().orElseThrow();
        assertThat(p4).contains("250,000", "2.50×", "100,000", "4.00×", "125,000", "80%");
        String p1 = text.lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow();
        assertThat(p1).contains("1.00×");
    }

    @Test
    void jsonHasMediansCpuHeapAndEveryRound() throws Exception {
        Summary raw = summary("raw driver scan", "", true, "scan", 8, 4, null);
        JsonNode json = new ObjectMapper().readTree(new BenchReport(TABLE, 1, List.of(raw)).json());
        JsonNode run = json.get("runs").get(0);
        assertThat(run.get("rowsPerSecond").asLong()).isEqualTo(125_000);
        assertThat(run.get("clientCpuSeconds").asDouble()).isEqualTo(4.0);
        assertThat(run.get("rowsPerCpuSecond").asLong()).isEqualTo(250_000);
        assertThat(run.get("peakHeapBytes").asLong()).isEqualTo(80L << 20);
        assertThat(run.get("seconds")).hasSize(1);
        assertThat(json.get("rounds").asInt()).isEqualTo(1);
    }
}
