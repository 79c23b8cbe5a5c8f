package dev.ringside.engine.run;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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
}
