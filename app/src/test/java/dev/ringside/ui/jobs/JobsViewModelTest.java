package dev.ringside.ui.jobs;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.app.settings.SettingsFile;
import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.testing.Histories;
import dev.ringside.testing.RecordingPrompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.job.JobHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs screen's words for each row, Re-run on the recorded cluster, Copy as command, and shared job settings. */
class JobsViewModelTest {

    @TempDir
    Path dir;

    private final RangeJobOptions options = RangeJobOptions.defaults().withSplits(1_024).withParallelism(6)
            .withConsistency(Consistency.LOCAL_QUORUM);
    private final ClusterEntry prod = new ClusterEntry("prod", List.of("10.0.0.5", "10.0.0.6"), 9042, "dc1", "analyst",
            false, null, false, null, null, true, null);
    private final ClusterEntry test = new ClusterEntry(null, List.of("127.0.0.1"), 9042, null, null, false, null, false,
            null, null, true, null);
    private final Session session = new Session();
    private final RecordingPrompter prompter = new RecordingPrompter(true);
    private final List<JobRecord> ran = new ArrayList<>();
    private final List<ClusterEntry> connectedTo = new ArrayList<>();

    private JobsViewModel vm(JobHistory history) {
        return new JobsViewModel(history, session, new SyncTaskRunner(), prompter, new JobsViewModel.Rerun() {
            @Override
            public void run(JobRecord job) {
                ran.add(job);
            }

            @Override
            public void connectTo(ClusterEntry cluster) {
                connectedTo.add(cluster);
            }
        });
    }

    private JobRecord countOn(ClusterEntry cluster) {
        return new JobRecord(JobSpec.count("shop", "orders", options).withCluster(cluster), Instant.EPOCH,
                new JobOutcome(JobState.COMPLETE, 10, 1, 10, "Exact count"));
    }

    @Test
    void aCountShowsItsRangeOptions() {
        JobsViewModel vm = vm(Histories.in(dir));
        JobRecord count = countOn(prod);
        assertThat(vm.kind(count)).isEqualTo("count");
        assertThat(vm.outcome(count)).isEqualTo("complete");
        assertThat(vm.options(count)).isEqualTo("1,024 splits, parallelism 6, LOCAL_QUORUM");
        assertThat(vm.cluster(count)).isEqualTo("prod (10.0.0.5, 10.0.0.6), dc1");
    }

    @Test
    void anExportShowsWhereAndHowItWrote() {
        JobsViewModel vm = vm(Histories.in(dir));
        ExportRequest request = new ExportRequest("shop", "orders", List.of("id", "total"), "total > 1 ALLOW FILTERING",
                options, ParquetOptions.defaults(), Path.of("/data/orders.parquet"), 4, 5000, 20_000, false, false,
                Duration.ofMillis(250));
        JobRecord export = new JobRecord(JobSpec.export(request), Instant.EPOCH, JobOutcome.failed("disk full"));
        assertThat(vm.kind(export)).isEqualTo("export");
        assertThat(vm.outcome(export)).isEqualTo("failed");
        assertThat(vm.options(export)).isEqualTo("1,024 splits, parallelism 6, LOCAL_QUORUM, parquet to "
                + Path.of("/data/orders.parquet") + ", columns id,total, where total > 1 ALLOW FILTERING, 4 files, max 20,000 rows/s");
    }

    @Test
    void reRunOnTheSameClusterRunsAtOnce() {
        JobHistory history = Histories.in(dir);
        JobsViewModel vm = vm(history);
        vm.rerunSelected();
        assertThat(ran).isEmpty();
        JobRecord job = countOn(prod);
        history.add(job);
        assertThat(vm.records()).containsExactly(job);
        // The same cluster, with its contact points in another order and the port spelt out.
        session.connect(new FakeClusterConnection(), new ClusterEntry(null, List.of("10.0.0.6:9042", "10.0.0.5"), 9042,
                "dc1", "other", false, null, false, null, null, true, null));
        vm.selectedProperty().set(job);
        vm.rerunSelected();
        assertThat(ran).containsExactly(job);
        assertThat(prompter.questions()).isEmpty();
    }

    @Test
    void anotherClusterAsksAndConnectsToTheRecordedOneBeforeRunning() {
        JobsViewModel vm = vm(Histories.in(dir));
        session.connect(new FakeClusterConnection(), test);
        JobRecord job = countOn(prod);
        vm.selectedProperty().set(job);

        prompter.choose(2); // cancel
        vm.rerunSelected();
        assertThat(prompter.questions()).containsExactly("Re-run the shop.orders job on which cluster?");
        assertThat(ran).isEmpty();
        assertThat(connectedTo).isEmpty();

        prompter.choose(0); // connect to the recorded cluster
        vm.rerunSelected();
        assertThat(connectedTo).containsExactly(prod);
        assertThat(vm.waitingForCluster()).isTrue();
        assertThat(ran).isEmpty();
        session.connect(new FakeClusterConnection(), prod);
        assertThat(ran).containsExactly(job);
        assertThat(vm.waitingForCluster()).isFalse();

        session.connect(new FakeClusterConnection(), test);
        prompter.choose(1); // run on the connected cluster
        vm.rerunSelected();
        assertThat(ran).containsExactly(job, job);
    }

    @Test
    void aJobWaitingForItsClusterDoesNotRunOnAnother() {
        JobsViewModel vm = vm(Histories.in(dir));
        vm.selectedProperty().set(countOn(prod));
        prompter.choose(0);
        vm.rerunSelected(); // not connected: connect to the recorded cluster, or cancel
        assertThat(connectedTo).containsExactly(prod);
        session.connect(new FakeClusterConnection(), test);
        assertThat(ran).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Not re-run: the job ran on prod");
    }

    @Test
    void copyAsCommandWordsTheSelectedJobOnItsCluster() {
        JobsViewModel vm = vm(Histories.in(dir));
        assertThat(vm.commandLine()).isEmpty();
        vm.selectedProperty().set(countOn(prod));
        assertThat(vm.commandLine()).contains("ringside count --host 10.0.0.5,10.0.0.6 --dc dc1 --user analyst "
                + "--password-prompt --keyspace shop --table orders --splits 1024 --parallelism 6 --consistency LOCAL_QUORUM");
    }

    @Test
    void jobSettingsRoundTripThroughAFileWithoutSecretsAndMergeOnImport() throws Exception {
        JobHistory history = Histories.in(dir.resolve("mine"));
        ExportRequest csv = new ExportRequest("shop", "orders", List.of("id"), null, options,
                new CsvOptions(false, ';', '"', null, "NULL", true), Path.of("/data/orders.csv.gz"), 2, 5000, 0,
                false, false, Duration.ofMillis(200));
        JobRecord export = new JobRecord(JobSpec.export(csv).withCluster(prod), Instant.EPOCH, JobOutcome.failed("x"));
        history.add(countOn(prod));
        history.add(export);
        history.add(countOn(prod)); // the same settings twice: shared once
        Path file = dir.resolve("shared.json");
        vm(history).exportJobs(file);

        String text = Files.readString(file);
        assertThat(text).contains("\"format\" : \"ringside-settings\"", "\"user\" : \"analyst\"")
                .doesNotContainIgnoringCase("password\" : \"").doesNotContain("outcome", "Exact count");
        assertThat(new SettingsFile().read(file).jobs()).containsExactly(countOn(prod).job(), export.job());

        // A colleague's list: one of the two jobs is already there.
        JobHistory theirs = Histories.in(dir.resolve("theirs"));
        theirs.add(countOn(prod));
        JobsViewModel colleague = vm(theirs);
        colleague.importJobs(file);
        assertThat(colleague.records()).hasSize(2);
        JobRecord imported = colleague.records().get(0);
        assertThat(imported.job()).isEqualTo(export.job());
        assertThat(imported.job().export().csv().toOptions()).isEqualTo(csv.sink());
        assertThat(imported.outcome().state()).isEqualTo(JobState.IMPORTED);
        assertThat(colleague.statusProperty().get()).isEqualTo(
                "Imported one job (1 already in the list); select one and press Re-run.");
        colleague.importJobs(file);
        assertThat(colleague.records()).hasSize(2);
        assertThat(Histories.file(dir.resolve("theirs")).read()).hasSize(2);
    }

    @Test
    void aFileThatIsNotSettingsIsRefusedWithWhatToDo() throws Exception {
        Path other = Files.writeString(dir.resolve("history.json"), "[ ]");
        JobsViewModel vm = vm(Histories.in(dir.resolve("mine")));
        vm.importJobs(other);
        assertThat(vm.statusProperty().get()).startsWith("Could not import: history.json is not a Ringside settings file")
                .contains("Choose a file exported from Ringside");
        assertThat(vm.records()).isEmpty();
    }
}
