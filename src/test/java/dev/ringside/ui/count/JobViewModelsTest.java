package dev.ringside.ui.count;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.engine.export.ExportEngineTestAccess;
import dev.ringside.sink.ExportFormat;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.browse.BrowseViewModel;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.export.ExportViewModel;
import dev.ringside.ui.jobs.JobHistory;
import dev.ringside.ui.jobs.JobRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browse, count and export view-models without a stage: the synchronous task runner runs each job inline
 * against the shared sandbox, and the test reads the properties a screen would show.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobViewModelsTest {

    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final Session session = new Session();
    private final List<String> questions = new ArrayList<>();
    private boolean answer;
    private SharedSandbox sandbox;
    @TempDir
    Path dir;

    @BeforeAll
    void connect(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        CqlSession s = sandbox.session();
        sandbox.recreateKeyspace("vmtest", 1);
        s.execute("CREATE TABLE vmtest.events (id uuid, n bigint, t text, d double, ts timestamp, PRIMARY KEY (id))");
        s.checkSchemaAgreement();
        ExportEngineTestAccess.fill(s, "vmtest.events", 12_345);
        session.connectionProperty().set(DriverClusterConnection.connector().connect(sandbox.connectionSettings()));
    }

    @AfterAll
    void close() {
        session.connectionProperty().set(null);
    }

    private final Prompter prompter = new Prompter() {
        @Override
        public boolean confirm(String title, String message) {
            questions.add(title);
            return answer;
        }

        @Override
        public void error(String title, String message, Throwable details) {
            errors.add(title + ": " + message);
        }
    };
    private final List<String> errors = new ArrayList<>();

    @Test
    void aCountThatCannotRunIsReportedInADialogAndTheHistory() {
        JobHistory history = new JobHistory(new AppFiles(dir.resolve("failed-config")));
        CountViewModel count = new CountViewModel(session, runner, history, prompter);
        session.tableProperty().set(new TableRef("vmtest", "no_such_table"));
        count.start();
        assertThat(errors).singleElement().asString()
                .startsWith("The count of vmtest.no_such_table failed: No table 'no_such_table' in keyspace 'vmtest'");
        assertThat(count.statusProperty().get()).startsWith("The count failed: No table 'no_such_table' in keyspace 'vmtest'");
        assertThat(count.runningProperty().get()).isFalse();
        assertThat(session.jobRunningProperty().get()).isFalse();
        assertThat(history.records().get(0).outcome()).isEqualTo("failed");
        errors.clear();
    }

    /** Cancel pressed while the job is still planning (before the engine hands out its handle) must not be lost. */
    @Test
    void cancelPressedWhilePlanningCancelsTheCount() throws Exception {
        JobHistory history = new JobHistory(new AppFiles(dir.resolve("cancel-count-config")));
        CountViewModel count = new CountViewModel(session, runner, history, prompter);
        // The session closes the connection it replaces, so the hooked one is a connection of its own.
        session.connectionProperty().set(new PlanningHookConnection(DriverClusterConnection.connector()
                .connect(sandbox.connectionSettings()), count::cancel));
        try {
            session.tableProperty().set(new TableRef("vmtest", "events"));
            count.start();
            assertThat(count.resultProperty().get()).isEqualTo("Cancelled");
            assertThat(count.exactCountProperty().get()).isEqualTo(-1);
            assertThat(history.records().get(0).outcome()).isEqualTo("cancelled");
            assertThat(session.jobRunningProperty().get()).isFalse();
        } finally {
            session.connectionProperty().set(DriverClusterConnection.connector().connect(sandbox.connectionSettings()));
        }
    }

    @Test
    void cancelPressedWhilePlanningCancelsTheExport() throws Exception {
        JobHistory history = new JobHistory(new AppFiles(dir.resolve("cancel-export-config")));
        ExportViewModel export = new ExportViewModel(session, runner, history, prompter, p -> { });
        // The session closes the connection it replaces, so the hooked one is a connection of its own.
        session.connectionProperty().set(new PlanningHookConnection(DriverClusterConnection.connector()
                .connect(sandbox.connectionSettings()), export::cancel));
        try {
            session.tableProperty().set(null);
            session.tableProperty().set(new TableRef("vmtest", "events"));
            Path out = dir.resolve("cancelled.csv");
            export.outputProperty().set(out.toString());
            export.start();
            assertThat(out).doesNotExist();
            assertThat(history.records().get(0).outcome()).isEqualTo("cancelled");
            assertThat(export.canResumeProperty().get()).isTrue();
        } finally {
            session.connectionProperty().set(DriverClusterConnection.connector().connect(sandbox.connectionSettings()));
        }
    }

    @Test
    void browseListsTablesAndPreviewsTheFirstRows() {
        BrowseViewModel browse = new BrowseViewModel(session, runner);
        browse.refresh();
        assertThat(browse.keyspaces()).anySatisfy(k -> {
            assertThat(k.keyspace()).isEqualTo("vmtest");
            assertThat(k.tables()).containsExactly("events");
        });
        assertThat(browse.keyspaces()).noneMatch(k -> k.keyspace().startsWith("system"));
        browse.showSystemProperty().set(true);
        assertThat(browse.keyspaces()).anyMatch(k -> k.keyspace().equals("system_schema"));
        session.tableProperty().set(null);
        browse.select("vmtest", "events");
        assertThat(browse.columns()).extracting(c -> c.name() + ":" + c.role())
                .containsExactly("id:partition key", "d:", "n:", "t:", "ts:");
        assertThat(browse.previewProperty().get().rows()).hasSize(100);
        assertThat(browse.sizeTextProperty().get()).contains("Suggested split count");
    }

    @Test
    void aCountShowsTheExactNumberAndIsKeptInTheHistory() {
        JobHistory history = new JobHistory(new AppFiles(dir.resolve("count-config")));
        CountViewModel count = new CountViewModel(session, runner, history, prompter);
        session.tableProperty().set(new TableRef("vmtest", "events"));
        assertThat(count.canStartProperty().get()).isTrue();
        count.settings().splitsProperty().set(32);
        count.start();
        assertThat(count.exactCountProperty().get()).isEqualTo(12_345);
        assertThat(count.resultProperty().get()).isEqualTo("12,345 rows");
        assertThat(count.progress().rowsProperty().get()).isEqualTo(12_345);
        assertThat(count.progress().fractionProperty().get()).isEqualTo(1.0);
        assertThat(count.progress().rangesProperty().get()).allSatisfy(r -> assertThat(r.state().name()).isEqualTo("DONE"));
        assertThat(count.rowsPerNode()).isNotEmpty();
        assertThat(session.jobRunningProperty().get()).isFalse();

        JobRecord saved = new JobHistory(new AppFiles(dir.resolve("count-config"))).records().get(0);
        assertThat(saved.kind()).isEqualTo("count");
        assertThat(saved.rows()).isEqualTo(12_345);
        assertThat(saved.splits()).isEqualTo(32);
        assertThat(saved.outcome()).isEqualTo("complete");
    }

    @Test
    void anExportAsksBeforeReplacingAFileAndWritesTheTable() throws Exception {
        JobHistory history = new JobHistory(new AppFiles(dir.resolve("export-config")));
        List<Path> opened = new ArrayList<>();
        ExportViewModel export = new ExportViewModel(session, runner, history, prompter, opened::add);
        session.tableProperty().set(null);
        session.tableProperty().set(new TableRef("vmtest", "events"));
        assertThat(export.columns()).extracting(c -> c.name()).containsExactly("id", "d", "n", "t", "ts");
        export.formatProperty().set(ExportFormat.PARQUET);
        Path out = Files.writeString(dir.resolve("events.parquet"), "keep me");
        export.outputProperty().set(out.toString());

        answer = false;
        export.start();
        assertThat(questions).containsExactly("Replace events.parquet?");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(export.statusProperty().get()).startsWith("Not started");

        answer = true;
        export.start();
        assertThat(export.summaryProperty().get()).startsWith("Exported 12,345 rows of vmtest.events to 1 file");
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(ExportChecks.Format.PARQUET, List.of(out)), ExportChecks.tableRows(sandbox.session(), "vmtest.events"));
        export.openFolder();
        assertThat(opened).containsExactly(out.toAbsolutePath().getParent());
        assertThat(history.records().get(0).output()).isEqualTo(out.toString());

        // Only some columns: the rest stay out of the file.
        export.columns().forEach(c -> c.selectedProperty().set(c.name().equals("id") || c.name().equals("t")));
        export.formatProperty().set(ExportFormat.JSONL);
        Path json = dir.resolve("some.jsonl");
        export.outputProperty().set(json.toString());
        export.start();
        assertThat(Files.readAllLines(json)).hasSize(12_345).allSatisfy(line -> assertThat(line).startsWith("{\"id\":").doesNotContain("\"n\""));

        export.columns().forEach(c -> c.selectedProperty().set(false));
        assertThat(export.optionErrorProperty().get()).isEqualTo("Choose at least one column.");
        assertThat(export.canStartProperty().get()).isFalse();
    }
}
