package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under faults, on the real cluster: a node killed mid-export with RF=3 changes nothing in the output;
 * with RF=1 the export ends incomplete with no file under the final name, and --resume after the node is back
 * completes it.
 */
@ExtendWith(SandboxExtension.class)
class ExportFaultTest {

    @Test
    void nodeFailuresNeverLoseOrDuplicateRows(SharedSandbox sandbox, @TempDir Path dir) throws Exception {
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("xf_rf3", 3);
        sandbox.recreateKeyspace("xf_rf1", 1);
        session.execute("CREATE TABLE xf_rf3.t " + ExportEngineTest.COLUMNS + ", PRIMARY KEY (id))");
        session.execute("CREATE TABLE xf_rf1.t " + ExportEngineTest.COLUMNS + ", PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTest.fill(session, "xf_rf3.t", 60_000, false);
        ExportEngineTest.fill(session, "xf_rf1.t", 30_000, false);
        List<String> rf3Rows = ExportChecks.tableRows(session, "xf_rf3.t");
        List<String> rf1Rows = ExportChecks.tableRows(session, "xf_rf1.t");
        ExportEngine engine = new ExportEngine(session, new DefaultRowFileWriters());

        // RF=3: kill node 2 while the export runs (throttled so that it is surely mid-way).
        Path rf3Out = dir.resolve("rf3.parquet");
        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        JobHandle<ExportResult> running = engine.start(ExportEngineTest.request("xf_rf3", "t", Format.PARQUET, rf3Out, 1, 15_000), progress::add);
        while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < 10_000) {
            Thread.sleep(50);
        }
        sandbox.crash(2);
        try {
            ExportResult replicated = running.result().get();
            assertThat(replicated.complete()).as("complete despite a dead replica").isTrue();
            ExportChecks.assertSameRows("exported rows",
                    ExportChecks.fileRows(Format.PARQUET, List.of(rf3Out)), rf3Rows);

            // RF=1 with node 2 down: incomplete, failed ranges named, nothing under the final name.
            Path rf1Out = dir.resolve("rf1.csv");
            ExportResult partial = engine.start(ExportEngineTest.request("xf_rf1", "t", Format.CSV, rf1Out, 1, 0), s -> { }).result().get();
            assertThat(partial.complete()).isFalse();
            assertThat(partial.failedRanges()).isNotEmpty().allSatisfy(r -> assertThat(r.error()).isNotBlank());
            assertThat(rf1Out).doesNotExist();
            assertThat(partial.checkpoint()).exists();
        } finally {
            sandbox.cluster().restart(2);
        }
        awaitAllUp(session);

        Path rf1Out = dir.resolve("rf1.csv");
        ExportResult resumed = engine.start(ExportEngineTest.request("xf_rf1", "t", Format.CSV, rf1Out, 1, 0).withResume(true), s -> { })
                .result().get();
        assertThat(resumed.complete()).isTrue();
        assertThat(rf1Out).exists();
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, List.of(rf1Out)), rf1Rows);
    }

    private static void awaitAllUp(CqlSession session) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (session.getMetadata().getNodes().values().stream()
                    .allMatch(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("a node stayed down after restart");
    }
}
