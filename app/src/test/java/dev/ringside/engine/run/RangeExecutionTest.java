package dev.ringside.engine.run;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.RangeState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeExecutionTest {

    /** A job that cannot even start must not leave its timer thread behind (one per failed start, forever). */
    @Test
    void aStartThatThrowsStopsTheTimerThread() throws Exception {
        List<PlannedRange> plan = List.of(new PlannedRange(0, TokenRange.of(0, 100), List.of()));
        RangeExecution execution = new RangeExecution("ringside-start-fails", plan, 1, 1, false, s -> { },
                Duration.ofMillis(50), Set.of());
        assertThatThrownBy(() -> execution.start((piece, node) -> { throw new StackOverflowError("deep"); }))
                .isInstanceOf(StackOverflowError.class);
        for (int i = 0; i < 100 && timerThreads() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(timerThreads()).isZero();
    }

    private static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("ringside-start-fails")).count();
    }

    @Test
    void theOutcomeCarriesTheRowsAndClosingSendsTheFinishedSnapshot() throws Exception {
        List<PlannedRange> plan = List.of(new PlannedRange(0, TokenRange.of(0, 100), List.of()),
                new PlannedRange(1, TokenRange.of(100, 200), List.of()));
        List<ProgressSnapshot> snapshots = Collections.synchronizedList(new ArrayList<>());
        RangeExecution execution = new RangeExecution("ringside-test-outcome", plan, 2, 1, false, snapshots::add,
                Duration.ofMillis(50), Set.of());
        JobHandle<RangeExecution.Outcome> handle = execution.handle(execution.start((piece, node) -> {
            execution.tracker().addRows(piece.rangeId(), 10L * (piece.rangeId() + 1));
            return CompletableFuture.completedFuture(null);
        }));

        RangeExecution.Outcome outcome = handle.result().get(30, TimeUnit.SECONDS);

        assertThat(outcome.rows()).isEqualTo(30);
        assertThat(outcome.cancelled()).isFalse();
        assertThat(outcome.ranges()).extracting(RangeOutcome::rows).containsExactly(10L, 20L);
        assertThat(handle.ranges()).isEqualTo(2);
        assertThat(handle.parallelism()).isEqualTo(2);
        // The handle closed the execution when the result completed: one finished snapshot, and closing again adds none.
        assertThat(snapshots).filteredOn(ProgressSnapshot::finished).singleElement().satisfies(last -> {
            assertThat(last.rows()).isEqualTo(30);
            assertThat(last.rangesDone()).isEqualTo(2);
        });
        execution.close();
        assertThat(snapshots).filteredOn(ProgressSnapshot::finished).hasSize(1);
    }

    @Test
    void cancelEndsTheJobMarkedCancelledAndRunsTheCancelAction() throws Exception {
        List<PlannedRange> plan = List.of(new PlannedRange(0, TokenRange.of(0, 100), List.of()));
        RangeExecution execution = new RangeExecution("ringside-test-cancel", plan, 1, 3, true, s -> { },
                Duration.ofMillis(50), Set.of());
        AtomicBoolean writersStopped = new AtomicBoolean();
        execution.onCancel(() -> writersStopped.set(true));
        CompletableFuture<Void> query = new CompletableFuture<>();
        JobHandle<RangeExecution.Outcome> handle = execution.handle(execution.start((piece, node) -> query));
        assertThat(execution.isCancelled()).isFalse();

        handle.cancel();

        RangeExecution.Outcome outcome = handle.result().get(30, TimeUnit.SECONDS);
        assertThat(outcome.cancelled()).isTrue();
        assertThat(execution.isCancelled()).isTrue();
        assertThat(writersStopped).isTrue();
        assertThat(query).isCancelled();
        assertThat(outcome.ranges()).extracting(RangeOutcome::state).containsExactly(RangeState.PENDING);
    }
}
