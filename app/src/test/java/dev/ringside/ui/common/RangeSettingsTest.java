package dev.ringside.ui.common;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliders' rules and the typed fields' limits, without a stage. The limits are the engine's. */
class RangeSettingsTest {

    @Test
    void theLimitsAreTheEngines() {
        assertThat(RangeSettings.MAX_SPLITS).isEqualTo(RangeJobOptions.MAX_SPLITS).isEqualTo(100_000);
        assertThat(RangeSettings.MAX_PARALLELISM).isEqualTo(RangeJobOptions.MAX_PARALLELISM).isEqualTo(1_024);
        assertThat(RangeSettings.CONSISTENCY_LEVELS).containsExactlyElementsOf(RangeJobOptions.READ_CONSISTENCY_LEVELS);
    }

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
        s.parallelismProperty().set(2000);
        assertThat(s.parallelismProperty().get()).isEqualTo(1_024);
        s.parallelismProperty().set(0);
        assertThat(s.parallelismProperty().get()).isEqualTo(1);
    }

    @Test
    void splitCountStaysWithinOneToAHundredThousand() {
        RangeSettings s = new RangeSettings();
        s.splitsProperty().set(0);
        assertThat(s.splitsProperty().get()).isEqualTo(1);
        s.splitsProperty().set(500_000);
        assertThat(s.splitsProperty().get()).isEqualTo(100_000);
        assertThat(s.toOptions().splits()).isEqualTo(100_000);
    }

    @Test
    void theSplitSliderIsLogarithmicAndFollowsTheNumberField() {
        assertThat(RangeSettings.fromSlider(0)).isEqualTo(1);
        assertThat(RangeSettings.fromSlider(2)).isEqualTo(100);
        assertThat(RangeSettings.fromSlider(4)).isEqualTo(10_000);
        assertThat(RangeSettings.fromSlider(5)).isEqualTo(100_000);
        assertThat(RangeSettings.fromSlider(9)).isEqualTo(100_000);
        assertThat(RangeSettings.fromSlider(2.41)).isEqualTo(260);
        assertThat(RangeSettings.toSlider(1000)).isEqualTo(3.0);
        assertThat(RangeSettings.fromSlider(RangeSettings.toSlider(10))).isEqualTo(10);
        // The slider itself follows the number field in RangeSettingsPaneTest.
    }

    @Test
    void theDefaultParallelismIsTheEnginesTwiceTheLiveNodesWithinTheSplitCount() {
        RangeSettings s = new RangeSettings();
        assertThat(s.parallelismProperty().get()).isEqualTo(6);
        s.useDefaultsFor(5);
        assertThat(s.parallelismProperty().get()).isEqualTo(10);
        s.splitsProperty().set(4);
        s.useDefaultsFor(5);
        assertThat(s.parallelismProperty().get()).isEqualTo(4);
        s.splitsProperty().set(100_000);
        s.useDefaultsFor(600);
        assertThat(s.parallelismProperty().get()).isEqualTo(1_024);
        // The default is "auto": the value shown is where the engine starts.
        assertThat(s.autoProperty().get()).isTrue();
        assertThat(s.toOptions().autoParallelism()).isTrue();
    }

    @Test
    void choosingAValueFixesTheParallelismAndAutoComesBackWithAPastAutoJob() {
        RangeSettings s = new RangeSettings();
        assertThat(s.toOptions().parallelism()).isZero();
        s.parallelismProperty().set(9);
        assertThat(s.autoProperty().get()).isFalse();
        assertThat(s.toOptions().parallelism()).isEqualTo(9);
        s.apply(RangeJobOptions.defaults());
        assertThat(s.autoProperty().get()).isTrue();
        assertThat(s.toOptions().parallelism()).isZero();
        s.splitsProperty().set(4); // pulls the shown value down to the split count: still auto
        assertThat(s.autoProperty().get()).isTrue();
    }

    @Test
    void theRunningJobsParallelismIsShownLive() {
        RangeSettings s = new RangeSettings();
        assertThat(s.liveParallelismTextProperty().get()).isEmpty();
        s.showLiveParallelism(11);
        assertThat(s.liveParallelismTextProperty().get()).isEqualTo("auto: 11 now");
        s.autoProperty().set(false);
        assertThat(s.liveParallelismTextProperty().get()).isEqualTo("11 now");
        s.showLiveParallelism(0);
        assertThat(s.liveParallelismTextProperty().get()).isEmpty();
    }

    /** Typed split counts: text → the inline error must contain (empty: accepted) → the split count after. */
    @ParameterizedTest(name = "splits \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "1        | ''                                                              | 1",
            "100000   | ''                                                              | 100000",
            "'100,000'| ''                                                              | 100000",
            "0        | Split count must be between 1 and 100,000 (got 0)               | 256",
            "-5       | Split count must be between 1 and 100,000 (got -5)              | 256",
            "100001   | Split count must be between 1 and 100,000 (got 100,001)         | 256",
            "abc      | Split count must be a whole number from 1 to 100,000 (got 'abc') | 256",
            "''       | Split count must be a whole number from 1 to 100,000 (got '')   | 256",
            "2.5      | Split count must be a whole number                              | 256",
            "99999999999999999999 | Split count must be a whole number                  | 256"})
    void typedSplitCounts(String text, String error, int after) {
        RangeSettings s = new RangeSettings();
        s.typeSplits(text);
        assertThat(s.splitsErrorProperty().get()).contains(error);
        assertThat(s.splitsErrorProperty().get().isEmpty()).isEqualTo(error.isEmpty());
        assertThat(s.validProperty().get()).isEqualTo(error.isEmpty());
        assertThat(s.splitsProperty().get()).isEqualTo(after);
    }

    /** Typed parallelism with 256 splits: text → the inline error must contain (empty: accepted) → the value after. */
    @ParameterizedTest(name = "parallelism \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "1     | ''                                                              | 1",
            "256   | ''                                                              | 256",
            "0     | Parallelism must be between 1 and 1,024 (got 0)                 | 6",
            "-1    | Parallelism must be between 1 and 1,024 (got -1)                | 6",
            "1025  | Parallelism must be between 1 and 1,024 (got 1,025)             | 6",
            "257   | Parallelism (257) cannot be above the split count (256)         | 6",
            "many  | Parallelism must be a whole number from 1 to 256 (got 'many')   | 6"})
    void typedParallelism(String text, String error, int after) {
        RangeSettings s = new RangeSettings();
        s.typeParallelism(text);
        assertThat(s.parallelismErrorProperty().get()).contains(error);
        assertThat(s.parallelismErrorProperty().get().isEmpty()).isEqualTo(error.isEmpty());
        assertThat(s.validProperty().get()).isEqualTo(error.isEmpty());
        assertThat(s.parallelismProperty().get()).isEqualTo(after);
    }

    @Test
    void aGoodValueClearsTheErrorAndTheOptionsFollow() {
        RangeSettings s = new RangeSettings();
        s.typeSplits("0");
        assertThat(s.firstError()).startsWith("Split count must be between");
        s.typeSplits("5000");
        s.typeParallelism("1024");
        assertThat(s.firstError()).isEmpty();
        assertThat(s.toOptions().splits()).isEqualTo(5000);
        assertThat(s.toOptions().parallelism()).isEqualTo(1024);
    }

    @Test
    void aWriteOnlyConsistencyLevelIsAnInlineError() {
        RangeSettings s = new RangeSettings();
        s.consistencyProperty().set(Consistency.ANY);
        assertThat(s.consistencyErrorProperty().get())
                .isEqualTo("Consistency ANY is for writes only; choose one of LOCAL_ONE, ONE, LOCAL_QUORUM, QUORUM, ALL, "
                        + "TWO, THREE, EACH_QUORUM, SERIAL, LOCAL_SERIAL.");
        assertThat(s.validProperty().get()).isFalse();
        s.consistencyProperty().set(null);
        assertThat(s.consistencyErrorProperty().get()).startsWith("Consistency is missing; choose one of LOCAL_ONE");
        s.consistencyProperty().set(Consistency.QUORUM);
        assertThat(s.validProperty().get()).isTrue();
    }
}
