package dev.ringside.ui.count;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.sink.ExportFormat;
import dev.ringside.testing.Histories;
import dev.ringside.testing.RecordingPrompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.export.ExportViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Copy as command" on the Count and Export screens: the job as set up, on the connected cluster, no password. */
class CopyAsCommandTest {

    @TempDir
    Path dir;

    private final Session session = new Session();
    private final ClusterEntry cluster = new ClusterEntry("prod", List.of("10.0.0.5"), 9042, "dc1", "analyst", false,
            null, false, null, null, true, null);

    private void connect() {
        session.connect(new FakeClusterConnection().withEventsTable("shop", "events"), cluster);
        session.tableProperty().set(new TableRef("shop", "events"));
    }

    @Test
    void theCountScreenCopiesItsJobBeforeItRuns() {
        CountViewModel vm = new CountViewModel(session, new SyncTaskRunner(), Histories.in(dir), new RecordingPrompter(true));
        assertThat(vm.commandLine()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Choose a table in Browse first.");
        connect();
        vm.settings().splitsProperty().set(64);
        // Auto (the default) is the command line's default too: no --parallelism.
        assertThat(vm.commandLine()).get().asString().doesNotContain("--parallelism");
        vm.settings().autoProperty().set(false);
        vm.settings().parallelismProperty().set(6);
        assertThat(vm.commandLine()).contains("ringside count --host 10.0.0.5 --dc dc1 --user analyst --password-prompt "
                + "--keyspace shop --table events --splits 64 --parallelism 6 --consistency LOCAL_ONE");
        assertThat(vm.statusProperty().get()).startsWith("Copied the command line");
    }

    @Test
    void theExportScreenCopiesItsFormatAndOptions() {
        ExportViewModel vm = new ExportViewModel(session, new SyncTaskRunner(), Histories.in(dir),
                new RecordingPrompter(true), p -> { });
        connect();
        vm.formatProperty().set(ExportFormat.CSV);
        vm.csvDelimiterProperty().set(";");
        vm.csvGzipProperty().set(true);
        vm.whereProperty().set("t = 'it''s' ALLOW FILTERING");
        vm.outputProperty().set("/data/my events.csv.gz");
        vm.columns().get(2).selectedProperty().set(false);
        assertThat(vm.commandLine()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("ringside export --host 10.0.0.5 --dc dc1 --user analyst --password-prompt --keyspace shop")
                .contains("--out '/data/my events.csv.gz' --format csv --columns id,d,t,ts",
                        "--where 't = '\\''it'\\'''\\''s'\\'' ALLOW FILTERING'", "--delimiter ';'", "--compression gzip"));
    }
}
