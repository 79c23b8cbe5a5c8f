package dev.ringside.engine.progress;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rates, ETA and range counts on a clock the test moves. */
class ProgressTrackerTest {

    /** The ring cut at a quarter: (MIN, -2^62] holds a quarter of the tokens, the rest three quarters. */
    private static final long QUARTER = Long.MIN_VALUE / 2;
    private static final List<PlannedRange> QUARTER_AND_REST = List.of(
            new PlannedRange(0, TokenRange.of(Long.MIN_VALUE, QUARTER), List.of()),
            new PlannedRange(1, TokenRange.of(QUARTER, Long.MAX_VALUE), List.of()));

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final long start = nanos.get();

    private void at(double seconds) {
        nanos.set(start + (long) (seconds * 1e9));
    }

    @Test
    void beforeAnyRowEverythingIsZeroAndTheEtaUnknown() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        at(3);
        ProgressSnapshot s = tracker.snapshot(false);
        assertThat(s.rows()).isZero();
        assertThat(s.rowsPerSecond()).isZero();
        assertThat(s.averageRowsPerSecond()).isZero();
        assertThat(s.rangesTotal()).isEqualTo(2);
        assertThat(s.rangesDone() + s.rangesFailed() + s.rangesRunning()).isZero();
        assertThat(s.fractionDone()).isZero();
        assertThat(s.eta()).isNull();
        assertThat(s.elapsed()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.finished()).isFalse();
    }

    @Test
    void theRecentRateCoversTheLastFiveSecondsAndTheAverageTheWholeJob() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        ProgressSnapshot s = null;
        // 100 rows/s for five seconds, then 1000 rows/s for five more, one snapshot a second.
        for (int second = 1; second <= 10; second++) {
            tracker.addRows(1, second <= 5 ? 100 : 1000);
            at(second);
            s = tracker.snapshot(false);
            if (second <= 2) {
                // The first snapshot has one sample only, and its recent rate is the average.
                assertThat(s.rowsPerSecond()).isEqualTo(100.0);
            }
        }
        assertThat(s.rows()).isEqualTo(5_500);
        assertThat(s.rowsPerSecond()).isCloseTo(1000.0, within(1e-6));
        assertThat(s.averageRowsPerSecond()).isCloseTo(550.0, within(1e-6));
    }

    @Test
    void snapshotsCloserThanAFifthOfASecondShowTheAverage() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        at(1);
        tracker.snapshot(false);
        tracker.addRows(0, 400);
        at(1.1);
        ProgressSnapshot s = tracker.snapshot(false);
        assertThat(s.rowsPerSecond()).isEqualTo(s.averageRowsPerSecond()).isCloseTo(400 / 1.1, within(1e-6));
    }

    @Test
    void theEtaIsWeightedByTokenSpanNotByRangeCount() {
        ProgressTracker small = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        ProgressTracker large = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        small.done(0);
        large.done(1);
        at(10);

        ProgressSnapshot quarterDone = small.snapshot(false);
        assertThat(quarterDone.fractionDone()).isCloseTo(0.25, within(1e-9));
        assertThat(quarterDone.eta()).isEqualTo(Duration.ofSeconds(30));
        ProgressSnapshot threeQuartersDone = large.snapshot(false);
        assertThat(threeQuartersDone.fractionDone()).isCloseTo(0.75, within(1e-9));
        assertThat(threeQuartersDone.eta().toMillis()).isCloseTo(3_333L, within(1L));
        assertThat(threeQuartersDone.percentDone()).isCloseTo(75.0, within(1e-7));
    }

    @Test
    void theEtaIsUnknownInTheFirstSecondAndZeroWhenAllIsDone() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        tracker.done(0);
        at(0.5);
        assertThat(tracker.snapshot(false).etaIfKnown()).isEmpty();
        tracker.done(1);
        ProgressSnapshot s = tracker.snapshot(true);
        assertThat(s.eta()).isEqualTo(Duration.ZERO);
        assertThat(s.fractionDone()).isEqualTo(1.0);
        assertThat(s.finished()).isTrue();
    }

    @Test
    void theShareIsOfThePlannedTokensNotOfTheWholeRing() {
        List<PlannedRange> half = List.of(new PlannedRange(0, TokenRange.of(0, Long.MAX_VALUE), List.of()));
        ProgressTracker tracker = new ProgressTracker(half, nanos::get);
        tracker.done(0);
        at(2);
        assertThat(tracker.snapshot(false).fractionDone()).isEqualTo(1.0);
    }

    @Test
    void failedRangesAreCountedButAddNothingToTheShareDone() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        tracker.started(0, "127.0.0.1:9042");
        tracker.started(1, "127.0.0.2:9042");
        ProgressSnapshot running = tracker.snapshot(false);
        assertThat(running.rangesRunning()).isEqualTo(2);

        tracker.failed(0);
        at(5);
        ProgressSnapshot s = tracker.snapshot(false);
        assertThat(s.rangesFailed()).isEqualTo(1);
        assertThat(s.rangesRunning()).isEqualTo(1);
        assertThat(s.rangesDone()).isZero();
        assertThat(s.fractionDone()).isZero();
        assertThat(s.eta()).isNull();
    }

    @Test
    void aRangeStartedAgainAfterItEndedKeepsItsStateButNamesTheNewNode() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        tracker.started(0, "127.0.0.1:9042");
        tracker.addRows(0, 12);
        tracker.done(0);
        tracker.started(0, "127.0.0.2:9042");
        RangeView view = tracker.snapshot(false).ranges().get(0);
        assertThat(view).isEqualTo(new RangeView(0, Long.MIN_VALUE, QUARTER, 0.25, RangeState.DONE, 12,
                "127.0.0.2:9042"));
        assertThat(tracker.node(1)).isEmpty();
    }

    @Test
    void rangesDoneInAnEarlierRunCountTheirRowsAndAreDone() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        tracker.alreadyDone(1, 900);
        tracker.addRows(0, 100);
        at(1);
        ProgressSnapshot s = tracker.snapshot(false);
        assertThat(s.rows()).isEqualTo(1_000);
        assertThat(tracker.rows(1)).isEqualTo(900);
        assertThat(s.rangesDone()).isEqualTo(1);
        assertThat(s.ranges()).extracting(RangeView::state).containsExactly(RangeState.PENDING, RangeState.DONE);
    }

    @Test
    void exportsReportTheBytesAndFilesTheyWrite() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        AtomicLong bytes = new AtomicLong();
        tracker.trackBytes(bytes::get, 3);
        bytes.set(4096);
        ProgressSnapshot s = tracker.snapshot(false);
        assertThat(s.bytesWritten()).isEqualTo(4096);
        assertThat(s.files()).isEqualTo(3);
        assertThat(new ProgressTracker(QUARTER_AND_REST, nanos::get).snapshot(false).bytesWritten()).isZero();
    }

    @Test
    void elapsedIsReadFromTheClock() {
        ProgressTracker tracker = new ProgressTracker(QUARTER_AND_REST, nanos::get);
        at(42.5);
        assertThat(tracker.elapsed()).isEqualTo(Duration.ofMillis(42_500));
    }
}
