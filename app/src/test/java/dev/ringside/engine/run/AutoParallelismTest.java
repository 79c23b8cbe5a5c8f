package dev.ringside.engine.run;

import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives {@link AutoParallelism} with a fake clock and a fake cluster: each tick is one second in which the cluster
 * serves as many rows as its throughput curve gives at the current parallelism, with a latency from Little's law
 * (queries in flight / queries per second), and timeouts where the test says so.
 */
class AutoParallelismTest {

    private static final long SECOND = 1_000_000_000L;

    /** A cluster whose rows per second at each parallelism, and whether it times out there, the test chooses. */
    private static final class FakeCluster {
        final IntToDoubleFunction rowsPerSecond;
        final IntPredicate timesOut;
        final double rowsPerQuery = 5_000;
        long now;
        long rows;
        int timeouts;
        int highest;

        FakeCluster(IntToDoubleFunction rowsPerSecond, IntPredicate timesOut) {
            this.rowsPerSecond = rowsPerSecond;
            this.timesOut = timesOut;
        }

        /** Runs {@code seconds} decisions; returns the parallelism after the last. */
        int run(AutoParallelism auto, int seconds) {
            auto.tick(now, rows);
            for (int i = 0; i < seconds; i++) {
                int p = auto.current();
                highest = Math.max(highest, p);
                double rate = rowsPerSecond.applyAsDouble(p);
                rows += (long) rate;
                now += SECOND;
                double queriesPerSecond = rate / rowsPerQuery;
                long latency = (long) (p / queriesPerSecond * SECOND);
                for (int q = 0; q < 10; q++) {
                    auto.latency(latency);
                }
                if (timesOut.test(p)) {
                    timeouts++;
                    auto.overloaded();
                }
                auto.tick(now, rows);
            }
            return auto.current();
        }
    }

    /** Linear up to {@code knee} queries in flight, flat after it: the servers are the limit there. */
    private static IntToDoubleFunction saturatingAt(int knee) {
        return p -> 20_000.0 * Math.min(p, knee);
    }

    @Test
    void climbsFromTheDefaultToWhereTheServersSaturate() {
        FakeCluster cluster = new FakeCluster(saturatingAt(12), p -> false);
        int end = cluster.run(new AutoParallelism(6, 48), 60);
        assertTrue(end >= 12 && end <= 15, "ends near the knee at 12, got " + end);
    }

    @Test
    void staysNearTheDefaultWhenMoreBringsNothing() {
        FakeCluster cluster = new FakeCluster(saturatingAt(6), p -> false);
        AutoParallelism auto = new AutoParallelism(6, 48);
        int end = cluster.run(auto, 60);
        assertTrue(end >= 6 && end <= 7, "keeps about 6, got " + end);
        assertTrue(cluster.highest <= 7, "probes one step at most, went to " + cluster.highest);
    }

    @Test
    void neverGoesAboveTheMaximum() {
        FakeCluster cluster = new FakeCluster(p -> 20_000.0 * p, p -> false);
        int end = cluster.run(new AutoParallelism(6, 10), 60);
        assertEquals(10, end);
        assertEquals(10, cluster.highest);
    }

    @Test
    void backsOffOnTimeoutsAndTimesOutLessThanATooHighFixedValue() {
        // More throughput all the way up, but the servers time out above 9 queries in flight.
        IntPredicate overloaded = p -> p > 9;
        FakeCluster cluster = new FakeCluster(p -> 20_000.0 * p, overloaded);
        int end = cluster.run(new AutoParallelism(6, 64), 120);
        assertTrue(end <= 9, "settles at or below 9, got " + end);
        // A fixed 16 would time out in every one of those 120 seconds.
        assertTrue(overloaded.test(16));
        assertTrue(cluster.timeouts * 4 < 120, "auto timed out in " + cluster.timeouts + " seconds of 120");
    }

    @Test
    void halvesAtOnceOnATimeout() {
        AutoParallelism auto = new AutoParallelism(12, 48);
        auto.tick(0, 0);
        auto.overloaded();
        assertEquals(6, auto.tick(SECOND, 100_000));
    }

    @Test
    void stepsDownWhenLatencyClimbsFarAboveTheLowestSeen() {
        AutoParallelism auto = new AutoParallelism(8, 48);
        auto.tick(0, 0);
        auto.latency(10_000_000);
        auto.tick(SECOND, 100_000); // probes up to 10
        auto.latency(50_000_000);
        assertEquals(9, auto.tick(2 * SECOND, 220_000), "five times the lowest latency: one step down");
    }

    @Test
    void waitsForTheFirstRowsBeforeJudging() {
        AutoParallelism auto = new AutoParallelism(6, 48);
        auto.tick(0, 0);
        assertEquals(6, auto.tick(SECOND, 0));
        assertEquals(6, auto.tick(2 * SECOND, 0));
        assertEquals(0, auto.changes());
    }

    @Test
    void startsWithinItsBoundsAndRefusesAMaximumBelowOne() {
        assertEquals(4, new AutoParallelism(6, 4).current());
        assertEquals(1, new AutoParallelism(0, 4).current());
        assertThrows(IllegalArgumentException.class, () -> new AutoParallelism(1, 0));
    }
}
