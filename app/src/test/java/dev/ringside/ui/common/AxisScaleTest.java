package dev.ringside.ui.common;

import dev.ringside.engine.progress.ProgressSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live charts' axes move in whole steps, so that most new points leave them as they were. */
class AxisScaleTest {

    @Test
    void aRateGetsTheFirstRoundNumberAtOrAboveIt() {
        assertThat(AxisScale.fromZero(0)).isEqualTo(new AxisScale(0, 1, 0.2));
        assertThat(AxisScale.fromZero(Double.NaN)).isEqualTo(new AxisScale(0, 1, 0.2));
        assertThat(AxisScale.fromZero(118_000).upper()).isEqualTo(150_000);
        assertThat(AxisScale.fromZero(118_000).tick()).isEqualTo(30_000);
        assertThat(AxisScale.fromZero(1_000_000).upper()).isEqualTo(1_000_000);
        assertThat(AxisScale.fromZero(1_000_001).upper()).isEqualTo(1_500_000);
        assertThat(AxisScale.fromZero(9_100).upper()).isEqualTo(10_000);
        // Rates that wander within a step keep the scale.
        assertThat(AxisScale.fromZero(121_000)).isEqualTo(AxisScale.fromZero(149_000));
    }

    @Test
    void theLastMinuteMovesOnTenSecondsAtATime() {
        assertThat(AxisScale.window(0, 60, 10)).isEqualTo(new AxisScale(0, 60, 10));
        assertThat(AxisScale.window(59, 60, 10)).isEqualTo(new AxisScale(0, 60, 10));
        assertThat(AxisScale.window(61, 60, 10)).isEqualTo(new AxisScale(10, 70, 10));
        assertThat(AxisScale.window(69.75, 60, 10)).isEqualTo(new AxisScale(10, 70, 10));
    }

    @Test
    void theModelsAxesFollowItsPointsAndStartOverOnReset() {
        JobProgressModel model = new JobProgressModel();
        for (int s = 1; s <= 300; s++) {
            model.apply(snapshot(s, 100_000 + (s % 5) * 1_000));
        }
        assertThat(model.recentXProperty().get()).isEqualTo(new AxisScale(240, 300, 10));
        assertThat(model.recentYProperty().get().upper()).isEqualTo(150_000);
        assertThat(model.wholeXProperty().get().upper()).isEqualTo(300);
        assertThat(model.wholeYProperty().get().upper()).isEqualTo(150_000);
        model.reset();
        assertThat(model.recentXProperty().get()).isEqualTo(new AxisScale(0, 60, 10));
        assertThat(model.wholeYProperty().get()).isEqualTo(AxisScale.fromZero(0));
    }

    private static ProgressSnapshot snapshot(int seconds, double rate) {
        return new ProgressSnapshot(seconds * 100_000L, rate, rate, 0, 0, 1, 10, 0.1, Duration.ofSeconds(seconds), null, 0, 0,
                List.of(), false);
    }
}
