package dev.ringside.app.spark.run;

import dev.ringside.app.history.JobKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a whole result is a result; a failure is told in the job's own words. */
class DriverOutputTest {

    @TempDir
    Path dir;

    @Test
    void aCountIsTheNumberTheJobPrintedLast() throws Exception {
        Path out = Files.writeString(dir.resolve("out"), "some banner\n200000\n");
        assertThat(DriverOutput.result(JobKind.COUNT, out)).hasValue(200_000);
        assertThat(DriverOutput.result(JobKind.EXPORT, out)).isEmpty();
        assertThat(DriverOutput.result(JobKind.COUNT, dir.resolve("missing"))).isEmpty();
    }

    @Test
    void anExportIsItsExportedLine() throws Exception {
        Path out = Files.writeString(dir.resolve("out"), "Exported 1234 rows from 24 splits in 2 tasks to file:///x\n");
        assertThat(DriverOutput.result(JobKind.EXPORT, out)).hasValue(1234);
    }

    @Test
    void theJobsOwnReasonWinsOverSparksLog() throws Exception {
        Path err = Files.writeString(dir.resolve("err"), "26/12/07 ERROR TaskSetManager: Task 1 failed\n"
                + "ringside-spark: the job failed, no result: a split could not be read\n"
                + "26/12/07 INFO ShutdownHookManager: Shutdown hook called\n");
        assertThat(DriverOutput.failure(err)).isEqualTo("the job failed, no result: a split could not be read");
        Path log = Files.writeString(dir.resolve("log"), "INFO a\nException in thread \"main\" java.lang.ClassNotFoundException: x\nINFO b\n");
        assertThat(DriverOutput.failure(log)).startsWith("Exception in thread");
        assertThat(DriverOutput.failure(dir.resolve("none"))).isEmpty();
    }
}
