package dev.ringside.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliders' rules, without a stage. */
class RangeSettingsTest {

    @Test
    void parallelismNeverExceedsTheSplitCount() {
        RangeSettings s = new RangeSettings();
        s.splitsProperty().set(100);
        s.parallelismProperty().set(40);
        s.splitsProperty().set(8);
        assertThat(s.parallelismProperty().get()).isEqualTo(8);
        assertThat(s.maxParallelismProperty().get()).isEqualTo(8);
        s.parallelismProperty().set(50);
        assertThat(s.parallelismProperty().get()).isEqualTo(8);
        s.splitsProperty().set(5000);
        assertThat(s.maxParallelismProperty().get()).isEqualTo(RangeSettings.MAX_PARALLELISM);
        s.parallelismProperty().set(1000);
        assertThat(s.parallelismProperty().get()).isEqualTo(256);
        s.parallelismProperty().set(0);
        assertThat(s.parallelismProperty().get()).isEqualTo(1);
    }

    @Test
    void splitCountStaysWithinOneToTenThousand() {
        RangeSettings s = new RangeSettings();
        s.splitsProperty().set(0);
        assertThat(s.splitsProperty().get()).isEqualTo(1);
        s.splitsProperty().set(50_000);
        assertThat(s.splitsProperty().get()).isEqualTo(10_000);
    }

    @Test
    void theSplitSliderIsLogarithmicAndFollowsTheNumberField() {
        assertThat(RangeSettings.fromSlider(0)).isEqualTo(1);
        assertThat(RangeSettings.fromSlider(2)).isEqualTo(100);
        assertThat(RangeSettings.fromSlider(4)).isEqualTo(10_000);
        assertThat(RangeSettings.fromSlider(2.41)).isEqualTo(260);
        RangeSettings s = new RangeSettings();
        s.splitsProperty().set(1000);
        assertThat(s.splitsSliderProperty().get()).isEqualTo(3.0);
        s.splitsSliderProperty().set(1);
        assertThat(s.splitsProperty().get()).isEqualTo(10);
        assertThat(s.toOptions().splits()).isEqualTo(10);
    }
}
