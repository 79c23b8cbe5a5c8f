package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node of the cluster dies mid-export (the one-node TLS sandbox is killed): the export ends within its retries
 * with the failed ranges named, nothing under the final name and its checkpoint kept; once the node is back,
 * resume gives a file equal to the table.
 */
@ExtendWith(TlsSandboxExtension.class)
class AllNodesDownTest {

    @Test
    void everyNodeDownMidExportEndsIncompleteAndResumes(TlsSandbox sandbox, @TempDir Path dir) throws Exception {
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("all_down");
        session.execute("CREATE TABLE all_down.t " + ExportEngineTest.COLUMNS + ", PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTest.fill(session, "all_down.t", 6_000, false);
        List<String> rows = ExportChecks.tableRows(session, "all_down.t");
        ExportEngine engine = new ExportEngine(session, new DefaultRowFileWriters());

        Path out = dir.resolve("all_down.csv");
        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        JobHandle<ExportResult> running = engine.start(ExportEngineTest.request("all_down", "t", Format.CSV, out, 1, 2_000),
                progress::add);
        while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < 1_000) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // the sandbox syncs its commit log every 50 ms; nothing to lose, but be a clean crash
        sandbox.cluster().kill(1);
        ExportResult broken;
        try {
            broken = running.result().get(5, TimeUnit.MINUTES);
        } finally {
            sandbox.cluster().restart(1);
        }
        assertThat(broken.complete()).isFalse();
        assertThat(broken.failedRanges()).isNotEmpty().allSatisfy(r -> assertThat(r.error()).isNotBlank());
        assertThat(out).doesNotExist();
        assertThat(broken.checkpoint()).exists();

        awaitUp(session);
        ExportResult resumed = engine.start(ExportEngineTest.request("all_down", "t", Format.CSV, out, 1, 0).withResume(true),
                s -> { }).result().get(5, TimeUnit.MINUTES);
        assertThat(resumed.complete()).as("%s", resumed.error()).isTrue();
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, List.of(out)), rows);
    }

    private static void awaitUp(CqlSession session) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            if (session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the node stayed down after restart");
    }
}
