package dev.ringside.ui.common;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pane's controls each show one property of the settings through a converter, both ways, without a cluster (the
 * FX toolkit runs headless, no window is shown).
 */
class RangeSettingsPaneTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code check} on the FX thread with a pane bound to fresh settings. */
    private static void withPane(BiConsumer<RangeSettings, RangeSettingsPane> check) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            RangeSettings settings = new RangeSettings();
            RangeSettingsPane pane = new RangeSettingsPane();
            pane.bind(settings);
            check.accept(settings, pane);
        }).get();
    }

    @Test
    void theSplitSliderAndTheNumberFieldShowTheSplitCount() throws Exception {
        withPane((s, pane) -> {
            assertThat(pane.splitsSlider.getValue()).isEqualTo(RangeSettings.toSlider(256));
            s.splitsProperty().set(1000);
            assertThat(pane.splitsSlider.getValue()).isEqualTo(3.0);
            assertThat(pane.splitsField.getValue()).isEqualTo(1000);
            pane.splitsSlider.setValue(1);
            assertThat(s.splitsProperty().get()).isEqualTo(10);
            assertThat(pane.splitsField.getValue()).isEqualTo(10);
            pane.splitsSlider.setValue(2.41);
            assertThat(s.toOptions().splits()).isEqualTo(260);
            // A value the slider's friendly steps cannot hit stays as typed.
            pane.splitsField.getEditor().setText("123");
            pane.splitsField.commitValue();
            assertThat(s.splitsProperty().get()).isEqualTo(123);
            assertThat(pane.splitsSlider.getValue()).isEqualTo(RangeSettings.toSlider(123));
            assertThat(s.toOptions().splits()).isEqualTo(123);
        });
    }

    @Test
    void parallelismFollowsItsSliderAndNeverExceedsTheSplits() throws Exception {
        withPane((s, pane) -> {
            assertThat(pane.parallelismSlider.getValue()).isEqualTo(6);
            pane.parallelismSlider.setValue(40.4);
            assertThat(s.parallelismProperty().get()).isEqualTo(40);
            assertThat(pane.parallelismField.getValue()).isEqualTo(40);
            s.splitsProperty().set(8);
            assertThat(pane.parallelismSlider.getMax()).isEqualTo(8);
            assertThat(pane.parallelismSlider.getValue()).isEqualTo(8);
            assertThat(s.parallelismProperty().get()).isEqualTo(8);
        });
    }

    @Test
    void aTypedValueBeyondTheBoundsShowsAnErrorAndIsPulledToTheBoundOnCommit() throws Exception {
        withPane((s, pane) -> {
            pane.splitsField.getEditor().setText("100001");
            assertThat(pane.error.getText()).startsWith("Split count must be between 1 and 100,000 (got 100,001)");
            pane.splitsField.commitValue();
            assertThat(s.splitsProperty().get()).isEqualTo(100_000);
            assertThat(pane.error.getText()).isEmpty();
            pane.parallelismField.getEditor().setText("abc");
            assertThat(pane.error.getText()).isEqualTo("Parallelism must be a whole number from 1 to 1,024 (got 'abc').");
            pane.parallelismField.commitValue();
            assertThat(s.parallelismProperty().get()).isEqualTo(6);
        });
    }

    @Test
    void theParallelismSliderHasLabelledTicksThatFollowItsBound() throws Exception {
        withPane((s, pane) -> {
            assertThat(pane.parallelismSlider.isShowTickMarks()).isTrue();
            assertThat(pane.parallelismSlider.isShowTickLabels()).isTrue();
            assertThat(pane.parallelismSlider.getMax()).isEqualTo(256);
            assertThat(pane.parallelismSlider.getMajorTickUnit()).isEqualTo(100);
            s.splitsProperty().set(8);
            assertThat(pane.parallelismSlider.getMajorTickUnit()).isEqualTo(2);
            s.splitsProperty().set(1000);
            assertThat(pane.parallelismSlider.getMajorTickUnit()).isEqualTo(200);
            assertThat(pane.parallelismSlider.getLabelFormatter().toString(1000.0)).isEqualTo("1,000");
        });
        assertThat(RangeSettingsPane.tickUnit(1, 1)).isEqualTo(1);
        assertThat(RangeSettingsPane.tickUnit(1, 1024)).isEqualTo(500);
        assertThat(RangeSettingsPane.tickUnit(1, 40)).isEqualTo(10);
    }
}
