package dev.ringside.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A load cut short is loaded again on the next start; a complete one is not. */
class SampleRowsRecordTest {

    @TempDir
    Path dir;

    @Test
    void onlyACompletedLoadCounts() throws Exception {
        SampleRowsRecord record = new SampleRowsRecord(dir);
        assertThat(record.needs(200_000)).as("nothing loaded yet").isTrue();
        record.completed(200_000);
        assertThat(new SampleRowsRecord(dir).needs(200_000)).isFalse();
        assertThat(new SampleRowsRecord(dir).needs(100_000)).as("fewer rows are there already").isFalse();
        assertThat(new SampleRowsRecord(dir).needs(1_000_000)).as("more rows are loaded on top").isTrue();
    }

    @Test
    void anUnreadableRecordMeansLoadAgain() throws Exception {
        Files.writeString(dir.resolve(SampleRowsRecord.FILE), "half");
        assertThat(new SampleRowsRecord(dir).rows()).isZero();
    }
}
