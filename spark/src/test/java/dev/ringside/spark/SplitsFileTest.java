package dev.ringside.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SharedSandbox;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --splits-file}: the token ranges of each task of the reading stage, for the app's ring view. For count and
 * for a coalesced export, the file has one entry per task of the stage Spark ran, its ranges are well formed, and
 * together they cover the ring exactly once; a file that cannot be written costs a warning, not the job.
 */
@ExtendWith(SparkTestCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitsFileTest {

    private static final int ROWS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedSandbox sandbox;
    private SparkSession spark;
    private List<String> connection;
    @TempDir
    Path dir;

    /** The file as the app reads it. */
    record Splits(String partitioner, List<List<TokenSpan>> tasks) {
        List<TokenSpan> all() {
            return tasks.stream().flatMap(List::stream).toList();
        }
    }

    @BeforeAll
    void fill(SharedSandbox sandbox, SparkSession spark) throws Exception {
        this.sandbox = sandbox;
        this.spark = spark;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("splits", 1);
        session.execute("CREATE TABLE splits.rows (id int PRIMARY KEY, v text)");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO splits.rows (id, v) VALUES (?, ?)");
        Inserts.run(session, ROWS, i -> insert.bind((int) i, "row " + i));
        Path password = Files.createTempFile("splits-password", ".txt");
        Files.writeString(password, SandboxSettings.PASSWORD + "\n");
        password.toFile().deleteOnExit();
        connection = List.of("--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file", password.toString());
    }

    @Test
    void countWritesEveryTasksRangesCoveringTheRingOnce() throws Exception {
        Path file = dir.resolve("count-splits.json");
        Result count = run("splits-count", "count", "-k", "splits", "-t", "rows", "--splits", "12", "--splits-file", file.toString());
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(count.out().strip()).isEqualTo(Integer.toString(ROWS));

        String text = Files.readString(file);
        assertThat(text).startsWith("{\"partitioner\":\"Murmur3Partitioner\",\"tasks\":[[[");
        Splits splits = read(file);
        assertThat(splits.tasks()).isNotEmpty().allSatisfy(task -> assertThat(task).isNotEmpty());
        assertThat(splits.tasks()).as("one entry per task of the count's stage").hasSize(lastStageTasks("splits-count"));
        assertCoversTheRingOnce(splits.all());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("."))).as("temp files left").isEmpty();
        }
    }

    /** One split: the connector reads the whole ring as (MIN, MIN], "token >= MIN"; the file says (MIN, MAX]. */
    @Test
    void oneSplitIsTheWholeRing() throws Exception {
        Path file = dir.resolve("one-split.json");
        Result count = run("splits-one", "count", "-k", "splits", "-t", "rows", "--splits", "1", "--splits-file", file.toString());
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(Files.readString(file))
                .isEqualTo("{\"partitioner\":\"Murmur3Partitioner\",\"tasks\":[[[-9223372036854775808,9223372036854775807]]]}");
        assertThat(lastStageTasks("splits-one")).isEqualTo(1);
    }

    /** Task g of P reads splits g, g + P, g + 2P ..., in that order, as EvenCoalescer groups them. */
    @Test
    void groupedFollowsTheCoalescer() {
        List<List<TokenSpan>> splits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            splits.add(List.of(new TokenSpan(i * 10L, i * 10L + 10)));
        }
        TaskRanges ranges = new TaskRanges(TaskRanges.MURMUR3, splits);
        assertThat(ranges.grouped(2).tasks()).containsExactly(
                List.of(splits.get(0).get(0), splits.get(2).get(0), splits.get(4).get(0)),
                List.of(splits.get(1).get(0), splits.get(3).get(0)));
        assertThat(ranges.grouped(5)).isEqualTo(ranges);
        assertThat(new TaskRanges("RandomPartitioner", List.of()).grouped(2).tasks()).isEmpty();
        assertThat(TokenSpan.ofConnector(5, Long.MIN_VALUE)).isEqualTo(new TokenSpan(5, Long.MAX_VALUE));
        assertThat(TokenSpan.ofConnector(Long.MIN_VALUE, Long.MIN_VALUE)).isEqualTo(new TokenSpan(Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void aCoalescedExportWritesOneEntryPerWriteTask() throws Exception {
        Path file = dir.resolve("export-splits.json");
        Path out = dir.resolve("export-out");
        Result export = run("splits-export", "export", "-k", "splits", "-t", "rows", "--splits", "12", "--parallelism", "2",
                "-f", "csv", "-o", out.toString(), "--splits-file", file.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported " + ROWS + " rows").contains("in 2 tasks");

        Splits splits = read(file);
        assertThat(splits.partitioner()).isEqualTo("Murmur3Partitioner");
        assertThat(splits.tasks()).hasSize(2).allSatisfy(task -> assertThat(task).isNotEmpty());
        assertThat(lastStageTasks("splits-export")).as("tasks of the write stage").isEqualTo(2);
        assertCoversTheRingOnce(splits.all());
    }

    @Test
    void anExportWithoutCoalescingWritesOneEntryPerSplit() throws Exception {
        Path file = dir.resolve("plain-splits.json");
        Result export = run("splits-plain", "export", "-k", "splits", "-t", "rows", "--splits", "12", "-f", "jsonl",
                "-o", dir.resolve("plain-out").toString(), "--splits-file", file.toString());
        assertThat(export.code()).as(export.err()).isZero();

        Splits splits = read(file);
        int stageTasks = lastStageTasks("splits-plain");
        assertThat(export.out()).contains("from " + stageTasks + " splits in " + stageTasks + " tasks");
        assertThat(splits.tasks()).hasSize(stageTasks);
        assertCoversTheRingOnce(splits.all());
    }

    @Test
    void aFileThatCannotBeWrittenDoesNotFailTheJob() {
        Result count = run("splits-unwritable", "count", "-k", "splits", "-t", "rows", "--splits", "4",
                "--splits-file", dir.resolve("no-such-folder").resolve("splits.json").toString());
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(count.out().strip()).isEqualTo(Integer.toString(ROWS));
        assertThat(dir.resolve("no-such-folder")).doesNotExist();
    }

    /**
     * No gap, no overlap: sorted by start, the first starts at the ring's minimum, each starts where the one before
     * ends, and the last ends at the maximum. The file has no wrapping range: the connector splits the ring's wrapping
     * vnode range into (s, MIN] and (MIN, e], and the job writes the former as (s, MAX] (see TokenSpan.ofConnector).
     */
    private static void assertCoversTheRingOnce(List<TokenSpan> spans) {
        List<TokenSpan> sorted = spans.stream().sorted(Comparator.comparingLong(TokenSpan::start)).toList();
        assertThat(sorted).isNotEmpty();
        assertThat(sorted.get(0).start()).as("the first range's start").isEqualTo(Long.MIN_VALUE);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).start()).as("start of range %d of %s", i, sorted).isEqualTo(sorted.get(i - 1).end());
        }
        assertThat(sorted.get(sorted.size() - 1).end()).as("the last range's end").isEqualTo(Long.MAX_VALUE);
    }

    private static Splits read(Path file) throws Exception {
        JsonNode root = JSON.readTree(file.toFile());
        List<List<TokenSpan>> tasks = new ArrayList<>();
        for (JsonNode task : root.get("tasks")) {
            List<TokenSpan> spans = new ArrayList<>();
            for (JsonNode range : task) {
                assertThat(range.size()).as("a range is [start, end]: %s", range).isEqualTo(2);
                assertThat(range.get(0).isIntegralNumber() && range.get(1).isIntegralNumber()).as("longs: %s", range).isTrue();
                // TokenSpan refuses start >= end: a range that is empty or wraps fails here.
                spans.add(new TokenSpan(range.get(0).longValue(), range.get(1).longValue()));
            }
            tasks.add(spans);
        }
        return new Splits(root.get("partitioner").asText(), tasks);
    }

    /** The task count of the last stage Spark ran in the job group (the job's one action). */
    private int lastStageTasks(String group) {
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        int job = Arrays.stream(tracker.getJobIdsForGroup(group)).max().orElseThrow();
        int stage = Arrays.stream(tracker.getJobInfo(job).get().stageIds()).max().orElseThrow();
        SparkStageInfo info = tracker.getStageInfo(stage).get();
        return info.numTasks();
    }

    record Result(int code, String out, String err) {
    }

    /** Runs the job in its own job group, so that its stages can be looked up afterwards. */
    private Result run(String group, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(connection);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        spark.sparkContext().setJobGroup(group, group, false);
        try {
            int code = RingsideJob.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }
}
