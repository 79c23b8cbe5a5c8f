package dev.ringside.sink;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Parquet memory budget: row groups of all writers of an export together within a quarter of the heap. */
class ParquetOptionsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void rowGroupsShrinkSoThatAllWritersFitTheBudget() {
        ParquetOptions asked = ParquetOptions.defaults();
        assertThat(asked.sharedBy(4, 256 * MB).rowGroupBytes()).isEqualTo(16 * MB);
        assertThat(asked.sharedBy(1, 256 * MB).rowGroupBytes()).isEqualTo(64 * MB);
        assertThat(asked.sharedBy(4, 256 * MB).compression()).isEqualTo(asked.compression());
        for (int writers : new int[] {1, 2, 4, 8, 16}) {
            long each = asked.sharedBy(writers, 256 * MB).rowGroupBytes();
            assertThat(each * writers).as("%d writers", writers).isLessThanOrEqualTo(Math.max(64 * MB, writers * ParquetOptions.MIN_ROW_GROUP_BYTES));
        }
    }

    @Test
    void aLargeHeapKeepsWhatWasAskedForAndTheFloorHolds() {
        ParquetOptions asked = ParquetOptions.defaults();
        assertThat(asked.sharedBy(1, 8192 * MB)).isSameAs(asked);
        assertThat(new ParquetOptions(ParquetOptions.ParquetCompression.ZSTD, 8 * MB).sharedBy(2, 1024 * MB).rowGroupBytes()).isEqualTo(8 * MB);
        assertThat(asked.sharedBy(256, 256 * MB).rowGroupBytes()).isEqualTo(ParquetOptions.MIN_ROW_GROUP_BYTES);
    }
}
