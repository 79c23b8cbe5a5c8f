package dev.ringside.engine.report;

import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.RangeOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeReportTest {

    private static final long Q = Long.MIN_VALUE / 2;

    private final List<RangeOutcome> ranges = List.of(
            new RangeOutcome(0, TokenRange.of(Long.MIN_VALUE, Q), RangeState.DONE, 100, "127.0.0.1:9042", 1, null, 4_000, Duration.ofMillis(120)),
            new RangeOutcome(1, TokenRange.of(Q, 0), RangeState.DONE, 300, "127.0.0.2:9042", 2, null, 12_000, Duration.ofMillis(340)),
            new RangeOutcome(2, TokenRange.of(0, Long.MAX_VALUE / 2), RangeState.DONE, 100, "127.0.0.1:9042", 1, null, 0, Duration.ZERO),
            new RangeOutcome(3, TokenRange.of(Long.MAX_VALUE / 2, Long.MAX_VALUE), RangeState.FAILED, 0, "127.0.0.3:9042", 4,
                    "range (x, y]: ReadTimeoutException: \"slow\", again", 0, Duration.ofSeconds(3)));

    @Test
    void summaryHasRowsPerNodeAndTheDensestAndSparsestFinishedRanges() {
        RangeSummary s = RangeSummary.of(ranges);
        assertThat(s.rowsPerNode()).containsExactly(java.util.Map.entry("127.0.0.1:9042", 200L),
                java.util.Map.entry("127.0.0.2:9042", 300L));
        assertThat(s.densest()).map(RangeOutcome::id).contains(1);
        assertThat(s.sparsest()).map(RangeOutcome::id).hasValueSatisfying(id -> assertThat(id).isIn(0, 2));
        // 500 rows over three quarters of the ring; range 1 holds 300 in a quarter: 1.8 times the mean.
        assertThat(s.relativeDensity(ranges.get(1))).isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.relativeDensity(ranges.get(0))).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void summaryOfNothingFinishedIsEmpty() {
        RangeSummary s = RangeSummary.of(List.of(ranges.get(3)));
        assertThat(s.rowsPerNode()).isEmpty();
        assertThat(s.densest()).isEmpty();
        assertThat(s.meanDensity()).isZero();
    }

    @Test
    void fileHasAHeaderAndOneQuotedLinePerRangeAndNoTemporaryFileLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, "old");
        RangeReportFile.write(file, ranges);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("range,start,end,state,rows,bytes,node,duration_ms,retries,error");
        assertThat(lines.get(1)).isEqualTo("0," + Long.MIN_VALUE + "," + Q + ",DONE,100,4000,\"127.0.0.1:9042\",120,0,");
        assertThat(lines.get(4)).endsWith(",FAILED,0,0,\"127.0.0.3:9042\",3000,3,\"range (x, y]: ReadTimeoutException: \"\"slow\"\", again\"");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingFolderIsRefusedAndNothingIsWritten(@TempDir Path dir) {
        assertThatThrownBy(() -> RangeReportFile.write(dir.resolve("no/r.csv"), ranges)).hasMessageContaining("does not exist");
    }
}
