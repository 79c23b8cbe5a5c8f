package dev.ringside.app.spark.run;

import dev.ringside.app.spark.run.SparkRestClient.Stage;
import dev.ringside.app.spark.run.SparkRestClient.Task;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What Spark's REST API and the job's split map say, as the live view shows it. */
class SparkProgressFeedTest {

    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    /** Three tasks; the third reads two ranges (a coalesced task). Together the whole ring. */
    private static final String SPLITS = "{\"partitioner\":\"Murmur3Partitioner\",\"tasks\":["
            + "[[" + MIN + ",-4611686018427387904]],"
            + "[[-4611686018427387904,0]],"
            + "[[0,4611686018427387904],[4611686018427387904," + MAX + "]]]}";

    @TempDir
    Path dir;

    @Test
    void theSplitMapIsReadAsTheDriverWroteIt() throws Exception {
        SplitMap map = map();
        assertThat(map.tasks()).hasSize(3);
        assertThat(map.tasks().get(2)).containsExactly(new TokenSpan(0, 4611686018427387904L),
                new TokenSpan(4611686018427387904L, MAX));
        assertThat(map.tasks().stream().flatMap(List::stream).mapToDouble(TokenSpan::fraction).sum()).isCloseTo(1, within(1e-9));
        assertThat(SplitMap.read(dir.resolve("none.json"))).isEmpty();
        Files.writeString(dir.resolve("half.json"), "{\"tasks\":[[[1,");
        assertThat(SplitMap.read(dir.resolve("half.json"))).as("never a half-read file").isEmpty();
    }

    /**
     * The driver's UI goes with the driver, so the last poll of a job that succeeded can be a second behind: tasks
     * that started after it are missing from it. The job succeeded, so the whole ring is done.
     */
    @Test
    void aJobThatSucceededShowsTheWholeRingDoneEvenWhereTheLastPollMissedATask() throws Exception {
        List<Stage> stages = List.of(new Stage(0, 0, "ACTIVE", 3, 1, 1, 0, 900, 0));
        List<Task> tasks = List.of(new Task(0, "SUCCESS", 900, "10.0.0.2", 2000), new Task(1, "RUNNING", 120, "10.0.0.1", 1000));
        ProgressSnapshot s = new SparkProgressFeed().succeeded(Duration.ofSeconds(10), stages, tasks, Optional.of(map()));

        assertThat(s.finished()).isTrue();
        assertThat(s.rangesDone()).isEqualTo(3);
        assertThat(s.rangesRunning()).isZero();
        assertThat(s.fractionDone()).isEqualTo(1.0);
        assertThat(s.ranges()).hasSize(4).allMatch(r -> r.state() == RangeState.DONE);
        assertThat(s.ranges().stream().mapToDouble(RangeView::fraction).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void finishedTasksAreDoneOnTheRingAndTheirShareIsTheFraction() throws Exception {
        List<Stage> stages = List.of(new Stage(0, 0, "ACTIVE", 3, 1, 1, 0, 900, 0));
        List<Task> tasks = List.of(
                new Task(0, "FAILED", 10, "10.0.0.1", 100),
                new Task(0, "SUCCESS", 900, "10.0.0.2", 2000),
                new Task(1, "RUNNING", 120, "10.0.0.1", 1000));
        ProgressSnapshot s = new SparkProgressFeed().snapshot(Duration.ofSeconds(10), false, stages, tasks, Optional.of(map()));

        assertThat(s.rangesDone()).isEqualTo(1);
        assertThat(s.rangesTotal()).isEqualTo(3);
        assertThat(s.rangesRunning()).isEqualTo(1);
        assertThat(s.rows()).as("rows read by the successful attempt and the running one").isEqualTo(1020);
        assertThat(s.fractionDone()).isCloseTo(0.25, within(1e-9));
        assertThat(s.eta()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.ranges()).extracting(RangeView::state)
                .containsExactly(RangeState.DONE, RangeState.RUNNING, RangeState.PENDING, RangeState.PENDING);
        assertThat(s.ranges().get(0).node()).isEqualTo("10.0.0.2");
        assertThat(s.ranges().get(0).rows()).isEqualTo(900);
        assertThat(s.finished()).isFalse();
    }

    @Test
    void withoutASplitMapTheFractionIsTasksDoneOutOfTheTotal() {
        List<Stage> stages = List.of(new Stage(0, 0, "ACTIVE", 8, 2, 2, 0, 0, 0));
        ProgressSnapshot s = new SparkProgressFeed().snapshot(Duration.ofSeconds(4), false, stages, List.of(), Optional.empty());
        assertThat(s.fractionDone()).isEqualTo(0.25);
        assertThat(s.ranges()).isEmpty();
    }

    @Test
    void aRetriedStageCountsAtItsLatestAttemptAndTheReadingStageMatchesTheMap() throws Exception {
        List<Stage> stages = List.of(new Stage(0, 0, "FAILED", 3, 0, 1, 2, 0, 0), new Stage(0, 1, "ACTIVE", 3, 1, 2, 0, 0, 0),
                new Stage(1, 0, "PENDING", 1, 0, 0, 0, 0, 0));
        assertThat(SparkProgressFeed.latestAttempts(stages)).extracting(Stage::attemptId).containsExactly(1, 0);
        assertThat(SparkProgressFeed.readingStage(stages, Optional.of(map()))).get()
                .extracting(Stage::stageId, Stage::attemptId).containsExactly(0, 1);
    }

    private SplitMap map() throws Exception {
        Path f = dir.resolve("splits.json");
        Files.writeString(f, SPLITS);
        return SplitMap.read(f).orElseThrow();
    }
}
