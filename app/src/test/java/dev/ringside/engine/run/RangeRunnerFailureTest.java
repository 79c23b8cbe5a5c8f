package dev.ringside.engine.run;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressTracker;
import dev.ringside.engine.progress.RangeState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster that fails every request at once (no connection to any node) must end the job, not hang it. */
class RangeRunnerFailureTest {

    @Test
    void tenThousandRangesFailingAtOnceEndFailedAndNamed() throws Exception {
        List<PlannedRange> plan = new ArrayList<>();
        for (TokenRange r : TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE).split(10_000)) {
            plan.add(new PlannedRange(plan.size(), r, List.of()));
        }
        ScheduledExecutorService scheduler = JobThreads.scheduler("test-runner");
        try {
            RangeRunner runner = new RangeRunner(plan, 8, 1, true,
                    (piece, node) -> CompletableFuture.failedFuture(new IllegalStateException("no connection")),
                    new ProgressTracker(plan, System::nanoTime), scheduler, Set.of());

            List<RangeOutcome> outcomes = runner.start().get(60, TimeUnit.SECONDS);

            assertThat(outcomes).hasSize(10_000).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(RangeState.FAILED);
                assertThat(o.error()).contains(o.range().toString()).contains("no connection");
            });
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void workThatThrowsInsteadOfFailingTheFutureAlsoEnds() throws Exception {
        List<PlannedRange> plan = new ArrayList<>();
        for (TokenRange r : TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE).split(5_000)) {
            plan.add(new PlannedRange(plan.size(), r, List.of()));
        }
        ScheduledExecutorService scheduler = JobThreads.scheduler("test-runner");
        try {
            RangeRunner runner = new RangeRunner(plan, 4, 2, false,
                    (piece, node) -> { throw new IllegalStateException("no connection"); },
                    new ProgressTracker(plan, System::nanoTime), scheduler, Set.of());
            List<RangeOutcome> outcomes = runner.start().get(120, TimeUnit.SECONDS);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.state()).isEqualTo(RangeState.FAILED));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
