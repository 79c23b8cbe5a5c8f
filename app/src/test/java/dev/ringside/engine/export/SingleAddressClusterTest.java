package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.plan.Nodes;
import dev.ringside.engine.plan.OwnedRange;
import dev.ringside.engine.plan.RingReader;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The macOS path, proven on Linux: three nodes that share one address (127.0.5.1) with their own ports, as the
 * sandbox runs them where 127.0.0.2 cannot be bound. Count and export stay exact, every range goes to a node that
 * owns it, rows per node name three nodes, and a node killed mid-export with RF=3 changes nothing in the file.
 * This class owns its cluster and stops it when done.
 *
 * <p>Other ports: {@code -Dringside.sandbox.singleAddressBase=127.0.15 -Dringside.sandbox.singleJmxBase=7510}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleAddressClusterTest {

    // Enough for 96 splits over 3 owners, and for an export at 10,000 rows/s that runs a second and a half on after
    // the kill; loading them at ALL is most of this class's time.
    private static final int ROWS = 30_000;
    private SharedSandbox sandbox;
    private CqlSession session;
    private List<String> rows;
    private String[] nodes;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("ringside.sandbox.singleDir", "target/sandbox-single")).toAbsolutePath();
        String base = System.getProperty("ringside.sandbox.singleAddressBase", "127.0.5");
        int jmxBase = Integer.getInteger("ringside.sandbox.singleJmxBase", 7500);
        nodes = new String[] {base + ".1:9042", base + ".1:9043", base + ".1:9044"};
        SandboxSettings settings = new SandboxSettings(dir, 3, base, 9042, jmxBase, 16, false, "512m", Duration.ofMinutes(4))
                .withSingleAddress(true, 9042);
        sandbox = SharedSandbox.start(settings, "Single-address sandbox");
        session = sandbox.session();
        sandbox.recreateKeyspace("single", 3);
        session.execute("CREATE TABLE single.t " + ExportEngineTest.COLUMNS + ", PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTest.fill(session, "single.t", ROWS, false);
        rows = ExportChecks.tableRows(session, "single.t");
    }

    @AfterAll
    void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void theDriverSeesThreeNodesOnOneAddress() {
        assertThat(session.getMetadata().getNodes().values().stream().map(Nodes::label).sorted())
                .containsExactly(nodes);
    }

    @Test
    @Order(2)
    void theCountIsExactAndEveryRangeIsServedByAnOwner() throws Exception {
        CountResult count = new CountEngine(session).start(new CountRequest("single", "t",
                RangeJobOptions.defaults().withSplits(96)), s -> { }).result().get(5, TimeUnit.MINUTES);
        assertThat(count.complete()).isTrue();
        assertThat(count.rows()).isEqualTo(ROWS);
        assertThat(count.rowsPerNode()).as("rows per node").hasSize(3)
                .containsOnlyKeys(nodes);

        List<OwnedRange> ring = new RingReader(session).ownedRanges("single", null, null);
        for (RangeOutcome range : count.ranges()) {
            OwnedRange owner = ring.stream().filter(o -> o.range().start() <= range.range().start()
                    && range.range().end() <= o.range().end()).findFirst().orElseThrow();
            assertThat(owner.replicas().stream().map(Nodes::label)).as("replicas of %s", range.range()).contains(range.node());
        }
    }

    @Test
    @Order(3)
    void anExportReadsBackEqualToTheTable(@TempDir Path dir) throws Exception {
        ExportResult result = new ExportEngine(session, new DefaultRowFileWriters())
                .start(ExportEngineTest.request("single", "t", Format.PARQUET, dir.resolve("single.parquet"), 2, 0), s -> { })
                .result().get(5, TimeUnit.MINUTES);
        assertThat(result.complete()).isTrue();
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.PARQUET, result.files()), rows);
    }

    @Test
    @Order(4)
    void aNodeKilledMidExportWithThreeReplicasChangesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("killed.csv");
        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        JobHandle<ExportResult> running = new ExportEngine(session, new DefaultRowFileWriters())
                .start(ExportEngineTest.request("single", "t", Format.CSV, out, 1, 10_000), progress::add);
        while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < ROWS / 3) {
            Thread.sleep(50);
        }
        sandbox.crash(2);
        ExportResult result = running.result().get(5, TimeUnit.MINUTES);
        assertThat(result.complete()).as("complete despite a dead replica: %s", result.error()).isTrue();
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, List.of(out)), rows);
    }
}
