package dev.ringside.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interleaved rounds and their medians, with runs that report fixed times (no clock is read). */
class BenchRoundsTest {

    private final List<String> order = new ArrayList<>();

    /** A run that takes the next of {@code seconds} each time it runs. */
    private Contender contender(String name, String group, boolean ceiling, String kind, long rows, double... seconds) {
        AtomicInteger next = new AtomicInteger();
        return new Contender(name, group, ceiling, kind, () -> {
            order.add(name);
            double s = seconds[next.getAndIncrement() % seconds.length];
            return new Measurement(name, rows, rows * 10, Duration.ofMillis(Math.round(s * 1000)), 4, 96);
        });
    }

    @Test
    void eachRoundStartsOneRunFurtherOnSoNoRunAlwaysFollowsTheSameOther() throws Exception {
        List<Contender> runs = List.of(contender("raw", "", true, "scan", 100, 1),
                contender("csv", "", false, "scan", 100, 1), contender("jsonl", "", false, "scan", 100, 1));
        new BenchRounds(new ResourceMeter(), line -> { }).run(runs, 3);
        assertThat(order).containsExactly("raw", "csv", "jsonl", "csv", "jsonl", "raw", "jsonl", "raw", "csv");
    }

    @Test
    void theMedianWallTimeGivesTheRateAndTheShareIsOfTheCeilingOfTheSameKindAndGroup() throws Exception {
        List<Contender> runs = List.of(
                contender("raw scan", "", true, "scan", 1_000_000, 10, 9, 30),
                contender("raw count", "", true, "count", 1_000_000, 2, 2, 2),
                contender("count", "", false, "count", 1_000_000, 1, 4, 1),
                contender("export csv", "", false, "scan", 1_000_000, 12, 60, 11));
        List<Summary> s = new BenchRounds(new ResourceMeter(), line -> { }).run(runs, 3);

        assertThat(s).extracting(Summary::name).containsExactly("raw scan", "raw count", "count", "export csv");
        assertThat(s.get(0).medianSeconds()).as("an outlier round does not move the median").isEqualTo(10.0);
        assertThat(s.get(0).rowsPerSecond()).isEqualTo(100_000.0);
        assertThat(s.get(0).shareOfCeiling()).isEqualTo(1.0);
        assertThat(s.get(2).shareOfCeiling()).as("count over raw count(*)").isEqualTo(2.0);
        assertThat(s.get(3).rowsPerSecond()).isEqualTo(1_000_000 / 12.0);
        assertThat(s.get(3).shareOfCeiling()).as("export over the raw scan").isCloseTo(10.0 / 12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.get(3).runs()).hasSize(3);
        assertThat(s.get(3).megabytesPerSecond()).isCloseTo(10.0 / 12.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSweepComparesEachRunWithTheCeilingAtItsOwnParallelism() throws Exception {
        List<Contender> runs = List.of(
                contender("raw @1", "1", true, "scan", 1000, 10), contender("csv @1", "1", false, "scan", 1000, 20),
                contender("raw @8", "8", true, "scan", 1000, 2), contender("csv @8", "8", false, "scan", 1000, 4));
        List<Summary> s = new BenchRounds(new ResourceMeter(), line -> { }).run(runs, 1);
        assertThat(s.get(1).shareOfCeiling()).isEqualTo(0.5);
        assertThat(s.get(3).shareOfCeiling()).isEqualTo(0.5);
    }

    @Test
    void theResourcesOfEachRunAreMetered() throws Exception {
        Contender busy = new Contender("busy", "", true, "scan", () -> {
            long sum = 0;
            byte[][] kept = new byte[64][];
            for (int i = 0; i < 64; i++) {
                kept[i] = new byte[1 << 20];
                sum += kept[i].length;
            }
            // The process CPU clock ticks every 10 ms on Linux, and 64 MB of allocation can cost less than one
            // tick: burn 50 ms of this thread's own (nanosecond) CPU time, so there is something to meter.
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + 50_000_000L;
            while (threads.getCurrentThreadCpuTime() < until) {
                sum += kept[(int) (sum & 63)][(int) (sum % 1000)];
            }
            return new Measurement("busy", sum, 0, Duration.ofSeconds(1), 1, 1);
        });
        Summary s = new BenchRounds(new ResourceMeter(), line -> { }).run(List.of(busy), 1).get(0);
        assertThat(s.peakHeapBytes()).as("64 MB held at once").isGreaterThanOrEqualTo(64L << 20);
        assertThat(s.medianCpuSeconds()).as("at least the 50 ms burnt, less one clock tick").isGreaterThanOrEqualTo(0.04);
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(Summary.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Summary.median(List.of())).isZero();
    }

    @Test
    void roundsMustBePositive() {
        assertThatThrownBy(() -> new BenchRounds(new ResourceMeter(), line -> { }).run(List.of(), 0))
                .hasMessageContaining("at least 1");
    }
}
