package dev.ringside.app;

import dev.ringside.engine.RangeJobOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SizeEstimateTest {

    private static final long MB = 1024L * 1024;

    @Test
    void splitsOfAbout32MegabytesWithinTheSplitCountsLimits() {
        assertThat(new SizeEstimate(1, MB).suggestedSplits()).isEqualTo(64);
        assertThat(new SizeEstimate(1_000, 32 * MB * 1_000).suggestedSplits()).isEqualTo(1_000);
        assertThat(SizeEstimate.UNKNOWN.suggestedSplits()).isEqualTo(256);
    }

    /** It stopped at 10,000 splits, so a table over 320 GB got ever bigger ranges though 100,000 are allowed. */
    @Test
    void aBigTableIsNotCappedBelowTheSplitLimit() {
        assertThat(new SizeEstimate(1, 32 * MB * 50_000).suggestedSplits()).isEqualTo(50_000);
        assertThat(new SizeEstimate(1, 32 * MB * 5_000_000).suggestedSplits()).isEqualTo(RangeJobOptions.MAX_SPLITS);
    }
}
