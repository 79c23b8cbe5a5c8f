package dev.ringside.ui.count;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.SizeEstimate;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobState;
import dev.ringside.cluster.SchemaException;
import dev.ringside.engine.Consistency;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.export.ExportException;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.testing.Histories;
import dev.ringside.testing.RecordingPrompter;
import dev.ringside.ui.browse.BrowseViewModel;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.job.JobHistory;
import dev.ringside.ui.export.ColumnChoice;
import dev.ringside.ui.export.ExportViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browse, count and export view-models without a stage and without Cassandra: the synchronous task runner runs
 * each job inline against an in-memory connection, and the test reads the properties a screen would show.
 */
class JobViewModelsTest {

    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final Session session = new Session();
    private final RecordingPrompter prompter = new RecordingPrompter(false);
    private final List<String> questions = prompter.questions();
    private final List<String> errors = prompter.errors();
    private FakeClusterConnection cluster;
    private JobHistory history;
    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        // 8 ranges of 1,500 rows each: 12,000 rows; 3 nodes, so the default parallelism is 6.
        cluster = new FakeClusterConnection().withEventsTable("vmtest", "events").withRanges(8, 1_500);
        session.connectionProperty().set(cluster);
        history = Histories.in(dir.resolve("config"));
    }

    private CountViewModel count() {
        return new CountViewModel(session, runner, history, prompter);
    }

    private ExportViewModel export(List<Path> opened) {
        return new ExportViewModel(session, runner, history, prompter, opened::add);
    }

    private JobRecord savedJob() {
        return Histories.file(dir.resolve("config")).read().get(0);
    }

    @Test
    void aCountShowsTheExactNumberAndIsKeptInTheHistory() {
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        assertThat(count.statusProperty().get()).isEqualTo("Ready to count vmtest.events.");
        assertThat(count.canStartProperty().get()).isTrue();
        assertThat(count.settings().parallelismProperty().get()).isEqualTo(6);
        count.settings().splitsProperty().set(32);
        count.start();

        CountRequest asked = cluster.countRequests().get(0);
        assertThat(asked.options().splits()).isEqualTo(32);
        assertThat(asked.options().autoParallelism()).isTrue(); // the default: auto, starting at the 6 shown
        assertThat(count.exactCountProperty().get()).isEqualTo(12_000);
        assertThat(count.resultProperty().get()).isEqualTo("12,000 rows");
        assertThat(count.statusProperty().get()).isEqualTo("Exact count of vmtest.events complete: see the result below.");
        // The figures show the engine's final numbers, the same the result and the history keep.
        assertThat(count.progress().elapsedTextProperty().get()).isEqualTo("2.0 s");
        assertThat(count.progress().rateTextProperty().get()).isEqualTo("6,000 rows/s");
        assertThat(count.progress().rowsProperty().get()).isEqualTo(12_000);
        assertThat(count.progress().fractionProperty().get()).isEqualTo(1.0);
        assertThat(count.progress().etaTextProperty().get()).isEqualTo("done");
        assertThat(count.progress().rangesProperty().get()).hasSize(8)
                .allSatisfy(r -> assertThat(r.state().name()).isEqualTo("DONE"));
        assertThat(count.rowsPerNode()).containsExactly("127.0.0.1:9042: 4,500 rows", "127.0.0.2:9042: 4,500 rows",
                "127.0.0.3:9042: 3,000 rows");
        assertThat(count.failures()).isEmpty();
        assertThat(count.runningProperty().get()).isFalse();
        assertThat(session.jobRunningProperty().get()).isFalse();

        JobRecord saved = savedJob(); // written to history.json, read back
        assertThat(saved.job().kind()).isEqualTo(JobKind.COUNT);
        assertThat(saved.job().tableName()).isEqualTo("vmtest.events");
        assertThat(saved.job().options().toOptions()).isEqualTo(asked.options());
        assertThat(saved.job().export()).isNull();
        assertThat(saved.outcome().state()).isEqualTo(JobState.COMPLETE);
        assertThat(saved.outcome().rows()).isEqualTo(12_000);
        assertThat(saved.outcome().rowsPerSecond()).isEqualTo(6_000);
        assertThat(saved.outcome().detail()).isEqualTo(count.statusProperty().get());
    }

    @Test
    void aCountThatCannotRunIsReportedInADialogAndTheHistory() {
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "no_such_table"));
        count.start();
        assertThat(errors).containsExactly(
                "The count of vmtest.no_such_table failed: No table 'no_such_table' in keyspace 'vmtest'.");
        assertThat(count.statusProperty().get()).isEqualTo("The count failed: No table 'no_such_table' in keyspace 'vmtest'.");
        assertThat(count.resultProperty().get()).isEqualTo("Failed");
        assertThat(count.runningProperty().get()).isFalse();
        assertThat(session.jobRunningProperty().get()).isFalse();
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.FAILED);
        assertThat(history.records().get(0).outcome().detail()).startsWith("The count failed: No table");
    }

    @Test
    void aCountWithFailedRangesNamesThemAndGivesNoTotal() {
        cluster.failingRanges(2, 5);
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        count.start();
        assertThat(count.resultProperty().get()).isEqualTo("Incomplete");
        assertThat(count.exactCountProperty().get()).isEqualTo(-1);
        assertThat(count.statusProperty().get()).startsWith("2 of 8 ranges failed, so there is no exact total.");
        assertThat(count.failures()).hasSize(2).allSatisfy(f -> assertThat(f).endsWith(": timed out"));
        assertThat(count.rowsPerNode()).isEmpty();
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.INCOMPLETE);
        assertThat(history.records().get(0).outcome().rows()).isEqualTo(9_000);
    }

    /** Cancel pressed while the job is still planning (before the engine hands out its handle) must not be lost. */
    @Test
    void cancelPressedWhilePlanningCancelsTheCount() {
        CountViewModel count = count();
        cluster.whilePlanning(count::cancel);
        session.tableProperty().set(new TableRef("vmtest", "events"));
        count.start();
        assertThat(count.resultProperty().get()).isEqualTo("Cancelled");
        assertThat(count.exactCountProperty().get()).isEqualTo(-1);
        assertThat(count.statusProperty().get())
                .isEqualTo("Count cancelled: 8 ranges not counted, so there is no exact total.");
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.CANCELLED);
        assertThat(session.jobRunningProperty().get()).isFalse();
    }

    /** The same, with the cancel coming from another thread (the UI) while the worker is held in planning. */
    @Test
    void cancelFromTheUiWhileTheWorkerPlansCancelsTheCount() throws Exception {
        CountViewModel count = count();
        FakeClusterConnection.PlanningGate planning = cluster.holdPlanning();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(count::start, "worker");
        worker.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        worker.start();
        planning.awaitEntered();
        assertThat(count.runningProperty().get()).isTrue();
        assertThat(session.jobRunningProperty().get()).isTrue();
        count.cancel();
        assertThat(count.statusProperty().get()).isEqualTo("Cancelling …");
        planning.release();
        worker.join();
        assertThat(failure.get()).isNull();
        assertThat(count.resultProperty().get()).isEqualTo("Cancelled");
        assertThat(count.statusProperty().get()).startsWith("Count cancelled: 8 ranges not counted");
        assertThat(session.jobRunningProperty().get()).isFalse();
    }

    @Test
    void cancelWhileCountingKeepsWhatWasDoneOutOfTheTotal() {
        CountViewModel count = count();
        cluster.whileRunning(count::cancel);
        session.tableProperty().set(new TableRef("vmtest", "events"));
        count.start();
        assertThat(count.statusProperty().get()).startsWith("Count cancelled: 4 ranges not counted");
        assertThat(count.progress().rowsProperty().get()).isEqualTo(6_000);
        assertThat(count.exactCountProperty().get()).isEqualTo(-1);
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void onlyOneJobRunsAtATime() {
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        assertThat(session.startJob()).isTrue(); // an export, say
        assertThat(count.canStartProperty().get()).isFalse();
        count.start();
        assertThat(count.statusProperty().get()).isEqualTo("Another job is running; wait for it or cancel it first.");
        assertThat(cluster.countRequests()).isEmpty();
        assertThat(history.records()).isEmpty();
        session.endJob();
        assertThat(count.canStartProperty().get()).isTrue();
    }

    @Test
    void reRunningACountStartsItWithTheSameOptions() {
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        count.settings().splitsProperty().set(64);
        count.settings().parallelismProperty().set(5);
        count.settings().consistencyProperty().set(Consistency.QUORUM);
        count.start();
        JobRecord past = history.records().get(0);

        session.tableProperty().set(null);
        count.settings().splitsProperty().set(8);
        count.settings().parallelismProperty().set(2);
        count.rerun(past);
        assertThat(cluster.countRequests()).hasSize(2);
        assertThat(cluster.countRequests().get(1).options()).isEqualTo(cluster.countRequests().get(0).options());
        assertThat(cluster.countRequests().get(1).options().consistency()).isEqualTo(Consistency.QUORUM);
        assertThat(session.tableProperty().get()).isEqualTo(new TableRef("vmtest", "events"));
        assertThat(history.records()).hasSize(2);
    }

    @Test
    void theHistoryKeepsTheTopPartitionsAndAReRunFindsThemAgain() {
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        count.findTopPartitionsProperty().set(true);
        count.topPartitionsProperty().set(25);
        count.start();
        assertThat(cluster.countRequests().get(0).topPartitions()).isEqualTo(25);
        JobRecord past = savedJob(); // written to history.json, read back
        assertThat(past.job().topPartitionsOrNone()).isEqualTo(25);

        count.findTopPartitionsProperty().set(false);
        count.topPartitionsProperty().set(10);
        count.rerun(past);
        assertThat(cluster.countRequests().get(1).topPartitions()).isEqualTo(25);
        assertThat(count.findTopPartitionsProperty().get()).isTrue();
        assertThat(count.topPartitionsProperty().get()).isEqualTo(25);

        // A count without them records none, and its re-run does not find any.
        count.findTopPartitionsProperty().set(false);
        count.start();
        JobRecord plain = Histories.file(dir.resolve("config")).read().get(0);
        assertThat(plain.job().topPartitionsOrNone()).isZero();
        count.findTopPartitionsProperty().set(true);
        count.rerun(plain);
        assertThat(cluster.countRequests().get(3).topPartitions()).isZero();
        assertThat(count.findTopPartitionsProperty().get()).isFalse();
    }

    @Test
    void theSessionClosesTheConnectionItReplaces() {
        FakeClusterConnection next = new FakeClusterConnection();
        session.connectionProperty().set(next);
        assertThat(cluster.closed()).isTrue();
        assertThat(next.closed()).isFalse();
    }

    @Test
    void browseListsTablesAndPreviewsTheFirstRows() {
        cluster.withSizeEstimate(new SizeEstimate(40_000, 1L << 34));
        BrowseViewModel browse = new BrowseViewModel(session, runner);
        browse.refresh();
        assertThat(browse.keyspaces()).singleElement().satisfies(k -> {
            assertThat(k.keyspace()).isEqualTo("vmtest");
            assertThat(k.tables()).containsExactly("events");
        });
        browse.showSystemProperty().set(true);
        assertThat(browse.keyspaces()).anyMatch(k -> k.keyspace().equals("system_schema"));
        session.tableProperty().set(null);
        browse.select("vmtest", "events");
        assertThat(browse.columns()).extracting(c -> c.name() + ":" + c.role())
                .containsExactly("id:partition key", "d:", "n:", "t:", "ts:");
        assertThat(browse.previewProperty().get().rows()).hasSize(100);
        assertThat(browse.sizeTextProperty().get()).contains("Suggested split count: 512.");
    }

    @Test
    void anExportAsksBeforeReplacingAFileAndWritesTheTable() throws Exception {
        List<Path> opened = new ArrayList<>();
        ExportViewModel export = export(opened);
        session.tableProperty().set(new TableRef("vmtest", "events"));
        // The table's columns, ticked; each regular column's write time and TTL are offered unticked.
        assertThat(export.columns()).filteredOn(c -> c.selectedProperty().get()).extracting(c -> c.name())
                .containsExactly("id", "d", "n", "t", "ts");
        assertThat(export.columns()).filteredOn(ColumnChoice::isFunction).extracting(c -> c.name())
                .contains("writetime(d)", "ttl(ts)").doesNotContain("writetime(id)");
        export.formatProperty().set(ExportFormat.PARQUET);
        Path out = Files.writeString(dir.resolve("events.parquet"), "keep me");
        export.outputProperty().set(out.toString());

        prompter.answer(false);
        export.start();
        assertThat(questions).containsExactly("Replace events.parquet?");
        assertThat(cluster.exportRequests()).isEmpty();
        assertThat(export.statusProperty().get()).isEqualTo("Not started: " + out
                + " already exists. Choose another file or confirm the replacement.");

        prompter.answer(true);
        export.start();
        ExportRequest asked = cluster.exportRequests().get(0);
        assertThat(asked.overwrite()).isTrue();
        assertThat(asked.resume()).isFalse();
        assertThat(asked.sink().format()).isEqualTo(ExportFormat.PARQUET);
        assertThat(asked.columns()).isEmpty();
        assertThat(export.statusProperty().get()).isEqualTo("Export complete.");
        assertThat(export.summaryProperty().get())
                .isEqualTo("Exported 12,000 rows of vmtest.events to 1 file (117.2 KB) in 2.0 s, 6,000 rows/s.");
        assertThat(export.writtenFilesProperty().get()).containsExactly(out);
        assertThat(export.canResumeProperty().get()).isFalse();
        export.openFolder();
        assertThat(opened).containsExactly(out.toAbsolutePath().getParent());
        JobRecord saved = savedJob();
        assertThat(saved.job().kind()).isEqualTo(JobKind.EXPORT);
        assertThat(saved.job().export().output()).isEqualTo(out.toString());
        assertThat(saved.job().export().parquetCompression()).isEqualTo("SNAPPY");
        assertThat(saved.outcome().state()).isEqualTo(JobState.COMPLETE);

        // Only some columns, another format, a filter, four files and a throttle: all reach the request.
        export.columns().forEach(c -> c.selectedProperty().set(c.name().equals("id") || c.name().equals("t")));
        export.formatProperty().set(ExportFormat.CSV);
        export.csvDelimiterProperty().set("\\t");
        export.whereProperty().set(" n > 5 ALLOW FILTERING ");
        export.filesProperty().set(4);
        export.maxRowsPerSecondProperty().set(1_000);
        Path csv = dir.resolve("some.csv");
        export.outputProperty().set(csv.toString());
        export.start();
        ExportRequest second = cluster.exportRequests().get(1);
        assertThat(second.columns()).containsExactly("id", "t");
        assertThat(second.where()).isEqualTo("n > 5 ALLOW FILTERING");
        assertThat(second.files()).isEqualTo(4);
        assertThat(second.maxRowsPerSecond()).isEqualTo(1_000);
        assertThat(second.overwrite()).isFalse();
        assertThat(((CsvOptions) second.sink()).delimiter()).isEqualTo('\t');
        assertThat(savedJob().job().export().csv().delimiter()).isEqualTo("\t");
        assertThat(export.summaryProperty().get()).startsWith("Exported 12,000 rows of vmtest.events to 1 file");

        export.columns().forEach(c -> c.selectedProperty().set(false));
        assertThat(export.optionErrorProperty().get()).isEqualTo("Choose at least one column.");
        assertThat(export.canStartProperty().get()).isFalse();
    }

    @Test
    void cancelPressedWhilePlanningCancelsTheExport() {
        ExportViewModel export = export(new ArrayList<>());
        cluster.whilePlanning(export::cancel);
        session.tableProperty().set(new TableRef("vmtest", "events"));
        Path out = dir.resolve("cancelled.csv");
        export.outputProperty().set(out.toString());
        export.start();
        assertThat(export.statusProperty().get()).isEqualTo("Export cancelled after 0 rows, with 8 ranges not exported."
                + " Nothing was written under the final name; Resume finishes it.");
        assertThat(export.summaryProperty().get()).isEmpty();
        assertThat(export.canResumeProperty().get()).isTrue();
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.CANCELLED);
        assertThat(session.jobRunningProperty().get()).isFalse();
    }

    @Test
    void anIncompleteExportListsItsFailedRangesAndOffersResume() {
        cluster.failingRanges(0, 7);
        ExportViewModel export = export(new ArrayList<>());
        session.tableProperty().set(new TableRef("vmtest", "events"));
        export.outputProperty().set(dir.resolve("incomplete.csv").toString());
        export.start();
        assertThat(export.statusProperty().get()).isEqualTo("2 of 8 ranges failed. Nothing was written under the final"
                + " name. Bring the replicas back, then Resume.");
        assertThat(export.failures()).hasSize(2).allSatisfy(f -> assertThat(f).endsWith(" after 3 attempts: timed out"));
        assertThat(export.canResumeProperty().get()).isTrue();
        assertThat(errors).isEmpty();
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.INCOMPLETE);
    }

    @Test
    void aWriterFailureIsShownInADialog() {
        cluster.failingWriter("No space left on device");
        ExportViewModel export = export(new ArrayList<>());
        session.tableProperty().set(new TableRef("vmtest", "events"));
        export.outputProperty().set(dir.resolve("full.csv").toString());
        export.start();
        assertThat(export.statusProperty().get()).isEqualTo("Export failed: No space left on device");
        assertThat(errors).containsExactly("The export of vmtest.events failed: No space left on device");
        assertThat(export.canResumeProperty().get()).isTrue();
        assertThat(history.records().get(0).outcome().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void anExportTheEngineRefusesSaysWhatToDoOnThisScreen() {
        cluster.failingStart(new ExportException(ExportException.Kind.UNFINISHED_EXPORT, dir,
                "An unfinished export of this output exists."));
        ExportViewModel export = export(new ArrayList<>());
        session.tableProperty().set(new TableRef("vmtest", "events"));
        export.outputProperty().set(dir.resolve("again.csv").toString());
        export.start();
        String message = "An unfinished export of this output exists. Choose another output file, or delete the"
                + " checkpoint to start over.";
        assertThat(export.statusProperty().get()).isEqualTo("Export failed: " + message);
        assertThat(errors).containsExactly("The export of vmtest.events failed: " + message);
        assertThat(export.canResumeProperty().get()).isFalse();
        assertThat(session.jobRunningProperty().get()).isFalse();
    }

    @Test
    void aCountFailureInTheSchemaIsWordedAsTheEngineSaysIt() {
        cluster.failingStart(new SchemaException("Keyspace 'vmtest' is being dropped."));
        CountViewModel count = count();
        session.tableProperty().set(new TableRef("vmtest", "events"));
        count.start();
        assertThat(count.statusProperty().get()).isEqualTo("The count failed: Keyspace 'vmtest' is being dropped.");
    }

    @Test
    void reRunningAnExportRestoresItsOptionsWithoutStarting() {
        ExportViewModel export = export(new ArrayList<>());
        session.tableProperty().set(new TableRef("vmtest", "events"));
        export.columns().forEach(c -> c.selectedProperty().set(c.name().equals("n")));
        export.csvHeaderProperty().set(false);
        export.csvDelimiterProperty().set(";");
        export.csvGzipProperty().set(true);
        export.whereProperty().set("n > 1 ALLOW FILTERING");
        export.filesProperty().set(3);
        export.maxRowsPerSecondProperty().set(500);
        export.settings().splitsProperty().set(40);
        Path out = dir.resolve("again.csv.gz");
        export.outputProperty().set(out.toString());
        export.start();
        JobRecord past = history.records().get(0);

        ExportViewModel fresh = export(new ArrayList<>());
        session.tableProperty().set(null);
        fresh.prepare(past);
        assertThat(cluster.exportRequests()).hasSize(1);
        assertThat(fresh.outputProperty().get()).isEqualTo(out.toString());
        assertThat(fresh.formatProperty().get()).isEqualTo(ExportFormat.CSV);
        assertThat(fresh.csvHeaderProperty().get()).isFalse();
        assertThat(fresh.csvDelimiterProperty().get()).isEqualTo(";");
        assertThat(fresh.csvGzipProperty().get()).isTrue();
        assertThat(fresh.whereProperty().get()).isEqualTo("n > 1 ALLOW FILTERING");
        assertThat(fresh.filesProperty().get()).isEqualTo(3);
        assertThat(fresh.maxRowsPerSecondProperty().get()).isEqualTo(500);
        assertThat(fresh.settings().splitsProperty().get()).isEqualTo(40);
        assertThat(fresh.columns()).filteredOn(c -> c.selectedProperty().get()).extracting(c -> c.name()).containsExactly("n");
        assertThat(fresh.statusProperty().get()).startsWith("Options of the export of ").endsWith(" restored; press Start to run it again.");

        // The same table still chosen: its columns do not load again, and the choice still applies.
        export.columns().forEach(c -> c.selectedProperty().set(true));
        export.prepare(past);
        assertThat(export.columns()).filteredOn(c -> c.selectedProperty().get()).extracting(c -> c.name()).containsExactly("n");
        assertThat(cluster.exportRequests()).hasSize(1);
    }
}
