package dev.ringside.engine;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.export.ExportEngine;
import dev.ringside.engine.export.ExportEngineTestAccess;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.export.OutputLayout;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SecretFiles;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults that are not a clean crash: a node that stops answering without dying, and a user who cancels at any
 * moment. The answer stays exact, nothing waits forever, and nothing is left behind.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

    private static final int ROWS = 20_000;
    private SharedSandbox sandbox;
    private CqlSession session;
    private List<String> rows;

    @BeforeAll
    void setUp(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        this.session = sandbox.session();
        sandbox.recreateKeyspace("faults", 3);
        session.execute("CREATE TABLE faults.t (id uuid, n bigint, t text, d double, ts timestamp, PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTestAccess.fill(session, "faults.t", ROWS);
        rows = ExportChecks.tableRows(session, "faults.t");
    }

    /** SIGSTOP: the node is alive to the driver but answers nothing, as under a long GC pause or a hung disk. */
    @Test
    void aPausedNodeSlowsTheJobButTheAnswerStaysExact(@TempDir Path dir) throws Exception {
        RangeJobOptions options = RangeJobOptions.defaults().withSplits(48).withParallelism(6)
                .withRangeTimeout(Duration.ofSeconds(2));
        sandbox.pause(3);
        try {
            CountResult count = new CountEngine(session).start(new CountRequest("faults", "t", options), s -> { })
                    .result().get(5, TimeUnit.MINUTES);
            assertThat(count.complete()).as("count complete with node 3 paused").isTrue();
            assertThat(count.rows()).isEqualTo(ROWS);

            Path out = dir.resolve("paused.csv");
            ExportRequest request = new ExportRequest("faults", "t", List.of(), null, options, CsvOptions.defaults(), out, 2,
                    1000, 0, false, false, Duration.ofMillis(100));
            ExportResult export = new ExportEngine(session, new DefaultRowFileWriters()).start(request, s -> { })
                    .result().get(5, TimeUnit.MINUTES);
            assertThat(export.complete()).as("export complete with node 3 paused: %s", export.error()).isTrue();
            ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, export.files()), rows);
        } finally {
            sandbox.unpause(3);
        }
        awaitAllUp();
    }

    @Test
    void cancelAtTwentyRandomMomentsLeavesNoFinalFileAndNoThreads(@TempDir Path dir) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Random random = new Random(20);
        ExportEngine engine = new ExportEngine(session, new DefaultRowFileWriters());
        for (int i = 0; i < 20; i++) {
            Path out = dir.resolve("cancel-" + i + ".csv");
            // Throttled to about 1.5 s, and cancelled somewhere from its first moment to its end.
            ExportRequest request = new ExportRequest("faults", "t", List.of(), null,
                    RangeJobOptions.defaults().withSplits(32).withParallelism(4), CsvOptions.defaults(), out, 1 + i % 3,
                    500, 15_000, false, false, Duration.ofMillis(50));
            JobHandle<ExportResult> job = engine.start(request, s -> { });
            Thread.sleep(random.nextInt(1_600));
            job.cancel();
            ExportResult result = job.result().get(2, TimeUnit.MINUTES);
            if (result.complete()) {
                ExportChecks.assertSameRows(String.format("run %d finished before the cancel", i),
                        ExportChecks.fileRows(Format.CSV, result.files()), rows);
            } else {
                assertThat(result.cancelled()).isTrue();
                assertThat(new OutputLayout(out, request.files(), request.sink()).finalFiles())
                        .as("run %d: nothing under a final name", i).allSatisfy(f -> assertThat(f).doesNotExist());
                assertThat(result.checkpoint()).as("run %d keeps its checkpoint", i).exists();
            }
        }
        assertThat(awaitJobThreadsGone(before)).as("threads a job left running").isEmpty();
    }

    /**
     * Ctrl-C of the real command line at random moments, from before it has connected to after it has finished: never
     * a file under the final name unless the export completed, and then it is whole. The signal is SIGTERM, which
     * takes the JVM down the same shutdown path as SIGINT: a build started without job control (as CI is) passes
     * SIGINT on as ignored, and the JVM then installs no handler for it.
     */
    @Test
    void ctrlCAtRandomMomentsNeverLeavesAHalfFileUnderTheFinalName(@TempDir Path dir) throws Exception {
        Path passwordFile = SecretFiles.write(dir.resolve("password"), SandboxSettings.PASSWORD + "\n");
        Random random = new Random(7);
        int interrupted = 0;
        for (int i = 0; i < 10; i++) {
            Path out = dir.resolve("ctrl-c-" + i + ".csv");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.ringside.Main", "export",
                    "--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file", passwordFile.toString(),
                    "--keyspace", "faults", "--table", "t", "--out", out.toString(), "--splits", "32",
                    "--max-rows-per-second", "15000", "--quiet");
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ctrl-c-" + i + ".log").toFile()).start();
            Thread.sleep(500 + random.nextInt(3_000));
            new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("run %d ends after Ctrl-C", i).isTrue();
            // A file under the final name is always whole, even when the signal came after it was published
            // (exit 143 with the export done); an interrupted export leaves none.
            if (Files.exists(out)) {
                ExportChecks.assertSameRows(String.format("run %d (exit %d): the file under the final name is whole", i,
                        child.exitValue()), ExportChecks.fileRows(Format.CSV, List.of(out)), rows);
            } else {
                assertThat(child.exitValue()).as("run %d: no file, so not a success", i).isNotZero();
                interrupted++;
            }
        }
        assertThat(interrupted).as("runs that Ctrl-C interrupted").isPositive();
    }

    /** The job's own threads (timer, writers) that were not there before; waits for them to finish ending. */
    private static Set<String> awaitJobThreadsGone(Set<Thread> before) throws InterruptedException {
        Set<String> left = Set.of();
        for (int i = 0; i < 100; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("ringside-"))
                    .map(Thread::getName).collect(Collectors.toSet());
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return left;
    }

    private void awaitAllUp() throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            if (session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("a node stayed down after SIGCONT");
    }
}
