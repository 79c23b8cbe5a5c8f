package dev.ringside.ui.count;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.app.sample.TableLoad;
import dev.ringside.testing.Histories;
import dev.ringside.testing.RecordingPrompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.job.JobHistory;
import dev.ringside.ui.export.ExportViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's table while its sample rows still load in the background (a fake load progress, no cluster): count and
 * export refuse to start and say how far the load is, and start as usual once it is done.
 */
class LoadingTableTest {

    private static final TableRef TABLE = new TableRef("vmtest", "events");
    private static final String LOADING = "vmtest.events is still loading: 52,000 of 200,000 rows. "
            + "Count and export start once it is loaded.";

    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final Session session = new Session();
    private final RecordingPrompter prompter = new RecordingPrompter(false);
    private FakeClusterConnection cluster;
    private JobHistory history;
    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        cluster = new FakeClusterConnection().withEventsTable("vmtest", "events").withRanges(8, 1_500);
        session.connectionProperty().set(cluster);
        history = Histories.in(dir.resolve("config"));
    }

    @Test
    void aCountWaitsForTheLoadAndSaysHowFarItIs() {
        CountViewModel count = new CountViewModel(session, runner, history, prompter);
        TableLoad load = TableLoad.started(TABLE, 200_000);
        session.tableLoadProperty().set(load);
        session.tableProperty().set(TABLE);
        session.tableLoadProperty().set(load.at(52_000));

        assertThat(count.canStartProperty().get()).isFalse();
        assertThat(count.statusProperty().get()).isEqualTo(LOADING);
        count.start();
        assertThat(cluster.countRequests()).isEmpty();
        assertThat(count.statusProperty().get()).isEqualTo(LOADING);
        assertThat(session.jobRunningProperty().get()).isFalse();
        assertThat(history.records()).isEmpty();

        session.tableLoadProperty().set(load.done());
        assertThat(count.canStartProperty().get()).isTrue();
        assertThat(count.statusProperty().get()).isEqualTo("Ready to count vmtest.events.");
        count.start();
        assertThat(cluster.countRequests()).hasSize(1);
        assertThat(count.exactCountProperty().get()).isEqualTo(12_000);
    }

    @Test
    void anExportWaitsForTheLoadAndSaysHowFarItIs() {
        ExportViewModel export = new ExportViewModel(session, runner, history, prompter, new ArrayList<Path>()::add);
        session.tableProperty().set(TABLE);
        export.outputProperty().set(dir.resolve("events.csv").toString());
        TableLoad load = TableLoad.started(TABLE, 200_000);
        session.tableLoadProperty().set(load.at(52_000));

        assertThat(export.canStartProperty().get()).isFalse();
        assertThat(export.statusProperty().get()).isEqualTo(LOADING);
        export.start();
        assertThat(cluster.exportRequests()).isEmpty();
        assertThat(export.statusProperty().get()).isEqualTo(LOADING);

        session.tableLoadProperty().set(load.done());
        assertThat(export.canStartProperty().get()).isTrue();
        assertThat(export.statusProperty().get()).isEqualTo("Ready to export vmtest.events.");
        export.start();
        assertThat(cluster.exportRequests()).hasSize(1);
    }

    @Test
    void anotherTableIsNotHeldUpByTheLoad() {
        CountViewModel count = new CountViewModel(session, runner, history, prompter);
        session.tableProperty().set(TABLE);
        session.tableLoadProperty().set(TableLoad.started(new TableRef("demo", "events"), 200_000).at(52_000));

        assertThat(count.canStartProperty().get()).isTrue();
        assertThat(count.statusProperty().get()).isEqualTo("Ready to count vmtest.events.");
    }

    @Test
    void aFailedLoadNoLongerHoldsTheTable() {
        CountViewModel count = new CountViewModel(session, runner, history, prompter);
        session.tableProperty().set(TABLE);
        TableLoad load = TableLoad.started(TABLE, 200_000).at(52_000);
        session.tableLoadProperty().set(load);
        session.tableLoadProperty().set(load.failed("node down"));

        assertThat(count.canStartProperty().get()).isTrue();
    }
}
