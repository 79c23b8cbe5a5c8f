package dev.ringside.ui;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.testing.PosixWords;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.engine.export.ExportEngineTestAccess;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.common.AppFiles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app, driven like a user drives it (headless, TestFX on Monocle), against the shared sandbox cluster:
 * bad connection input, connect, browse and preview, count, export checked by DuckDB, cancel. Steps run in order on
 * one window, as a user's session would.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RingsideUiTest {

    private final FxRobot robot = new FxRobot();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RingsideUiTest.class);
    private final List<Path> openedFolders = new CopyOnWriteArrayList<>();
    private final List<FxThreadWatch> watched = new java.util.ArrayList<>();
    private SharedSandbox sandbox;
    private RingsideUi ui;
    private Stage stage;
    @TempDir
    static Path dir;

    @BeforeAll
    void start(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("uitest", 1);
        session.execute("CREATE TABLE uitest.events (id uuid, n bigint, t text, d double, ts timestamp, PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTestAccess.fill(session, "uitest.events", 30_000);
        stage = FxToolkit.registerPrimaryStage();
        Path config = Files.createDirectories(dir.resolve("config"));
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), openedFolders::add);
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (ui != null && ui.session().connection() != null) {
            ui.session().connection().close();
        }
    }

    @Test
    @Order(1)
    void badConnectionInputShowsInlineMessages() throws Exception {
        setText("#hosts", "");
        setText("#port", "70000");
        assertThat(label("connectTab", "#hostsError").getText()).contains("Enter at least one contact point");
        assertThat(label("connectTab", "#hostsError").isVisible()).isTrue();
        assertThat(label("connectTab", "#portError").getText()).contains("between 1 and 65535");
        assertThat(in("connectTab", "#connectButton").isDisabled()).isTrue();
        setText("#port", "90x");
        assertThat(label("connectTab", "#portError").getText()).contains("must be a whole number from 1 to 65535");
        setText("#hosts", "cassandra-1:abc");
        assertThat(label("connectTab", "#hostsError").getText()).contains("'cassandra-1:abc' has a port that is not a number");
        setText("#truststore", dir.resolve("missing.jks").toString());
        // Files are checked in the background.
        waitFor(() -> label("connectTab", "#truststoreError").getText().contains("Truststore not found"));
        setText("#truststore", "");
        setText("#password", "secret");
        assertThat(label("connectTab", "#userError").getText()).contains("user name");
        setText("#password", "");

        // Nothing listening there: a clear message, no stack trace.
        setText("#hosts", "127.0.0.1");
        setText("#port", "1");
        robot.clickOn(in("connectTab", "#connectButton"));
        waitFor(() -> !ui.connectViewModel().busyProperty().get() && label("connectTab", "#status").getText().contains("Cannot connect"));
        assertThat(label("connectTab", "#status").getText()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(label("connectTab", "#portError").isVisible()).isFalse();
    }

    @Test
    @Order(2)
    void connectsToTheCluster() throws Exception {
        ConnectionSettings s = sandbox.connectionSettings();
        setText("#hosts", String.join(", ", s.contactPoints()));
        setText("#port", Integer.toString(s.port()));
        setText("#user", s.username());
        setText("#password", s.password());
        robot.clickOn(in("connectTab", "#connectButton"));
        waitFor(() -> ui.session().connection() != null);
        assertThat(label("connectTab", "#status").getText()).startsWith("Connected: 3 nodes (3 up), datacenter1");
        assertThat(ui.mainController().tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("browseTab");
    }

    @Test
    @Order(3)
    void browsesAndPreviewsATable() throws Exception {
        @SuppressWarnings("unchecked") TreeView<String> tree = robot.lookup("#tree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot().getChildren().stream().anyMatch(k -> k.getValue().equals("uitest")));
        assertThat(tree.getRoot().getChildren()).extracting(TreeItem::getValue).doesNotContain("system", "system_schema");
        TreeItem<String> ks = tree.getRoot().getChildren().stream().filter(k -> k.getValue().equals("uitest")).findFirst().orElseThrow();
        robot.interact(() -> {
            ks.setExpanded(true);
            tree.getSelectionModel().select(ks.getChildren().get(0));
        });
        @SuppressWarnings("unchecked") TableView<List<String>> preview = robot.lookup("#preview").queryAs(TableView.class);
        waitFor(() -> preview.getItems().size() == 100);
        assertThat(preview.getColumns()).extracting(c -> c.getText()).containsExactly("id", "d", "n", "t", "ts");
        TableView<?> columns = (TableView<?>) in("browseTab", "#columns");
        assertThat(columns.getItems()).hasSize(5);
        assertThat(columns.getItems().get(0).toString()).contains("partition key");
    }

    @Test
    @Order(4)
    void countsTheTableExactly() throws Exception {
        robot.interact(() -> ui.mainController().show(MainController.Screen.COUNT));
        // Typed text beyond the limits: an inline error while typing, the last good value kept.
        robot.interact(() -> ((Spinner<?>) in("countTab", "#splitsField")).getEditor().setText("abc"));
        assertThat(label("countTab", "#rangeSettingsError").getText())
                .isEqualTo("Split count must be a whole number from 1 to 100,000 (got 'abc').");
        assertThat(label("countTab", "#rangeSettingsError").isVisible()).isTrue();
        // Slider bounds: parallelism can never exceed the split count.
        setSpinner("countTab", "#splitsField", 8);
        assertThat(label("countTab", "#rangeSettingsError").getText()).isEmpty();
        setSpinner("countTab", "#parallelismField", 50);
        assertThat(spinnerValue("countTab", "#parallelismField")).isEqualTo(8);
        assertThat(((javafx.scene.control.Slider) in("countTab", "#parallelismSlider")).getMax()).isEqualTo(8);
        setSpinner("countTab", "#splitsField", 64);
        setSpinner("countTab", "#parallelismField", 6);
        try (FxThreadWatch watch = watch()) {
            robot.clickOn(in("countTab", "#start"));
            waitFor(() -> ui.countViewModel().exactCountProperty().get() >= 0 || !ui.countViewModel().failures().isEmpty());
            watched.add(watch);
        }
        assertNoIoOnTheFxThread();
        assertThat(label("countTab", "#result").getText()).isEqualTo("30,000 rows");
        assertThat(label("countTab", "#rowsLabel").getText()).isEqualTo("30,000");
        @SuppressWarnings("unchecked") ListView<String> perNode = (ListView<String>) in("countTab", "#rowsPerNode");
        assertThat(perNode.getItems()).isNotEmpty();
    }

    @Test
    @Order(5)
    void exportsAFileThatEqualsTheTable() throws Exception {
        robot.interact(() -> ui.mainController().show(MainController.Screen.EXPORT));
        Path out = dir.resolve("events.csv");
        setText("#output", out.toString());
        try (FxThreadWatch watch = watch()) {
            robot.clickOn(in("exportTab", "#start"));
            waitFor(() -> !ui.exportViewModel().summaryProperty().get().isEmpty() || ui.exportViewModel().statusProperty().get().contains("failed"));
            watched.add(watch);
        }
        assertNoIoOnTheFxThread();
        assertThat(ui.exportViewModel().summaryProperty().get()).startsWith("Exported 30,000 rows of uitest.events to 1 file");
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(Format.CSV, List.of(out)), ExportChecks.tableRows(sandbox.session(), "uitest.events"));
        fire("exportTab", "#openFolder");
        assertThat(openedFolders).containsExactly(out.toAbsolutePath().getParent());
    }

    @Test
    @Order(6)
    void cancellingAnExportLeavesNoFileUnderTheFinalName() throws Exception {
        Path out = dir.resolve("slow.csv");
        setText("#output", out.toString());
        robot.interact(() -> ui.exportViewModel().maxRowsPerSecondProperty().set(2000));
        robot.clickOn(in("exportTab", "#start"));
        waitFor(() -> ui.exportViewModel().progress().rowsProperty().get() > 2000);
        fire("exportTab", "#cancel");
        waitFor(() -> !ui.exportViewModel().runningProperty().get());
        assertThat(ui.exportViewModel().statusProperty().get()).startsWith("Export cancelled");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("slow.csv.partial")).exists();
        assertThat(in("exportTab", "#resume").isDisabled()).isFalse();
        fire("exportTab", "#resume");
        waitFor(() -> !ui.exportViewModel().summaryProperty().get().isEmpty());
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(Format.CSV, List.of(out)), ExportChecks.tableRows(sandbox.session(), "uitest.events"));
        robot.interact(() -> ui.mainController().show(MainController.Screen.JOBS));
        TableView<?> jobs = robot.lookup("#jobs").queryAs(TableView.class);
        assertThat(jobs.getItems()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(7)
    void copiedCountCommandGivesTheAppsCount() throws Exception {
        robot.interact(() -> ui.mainController().show(MainController.Screen.COUNT));
        long appCount = ui.countViewModel().exactCountProperty().get();
        assertThat(appCount).isEqualTo(30_000);
        fire("countTab", "#copyCommand");
        String[] line = new String[1];
        robot.interact(() -> line[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(line[0]).startsWith("ringside count --host ").contains("--password-prompt", "--splits 64",
                "--parallelism 6").doesNotContain("--password-file", "--password ");
        List<String> words = PosixWords.split(line[0]);
        assertThat(words.get(0)).isEqualTo("ringside");

        // Run it as pasted; --password-prompt reads the password from standard input when there is no terminal.
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.InputStream stdin = System.in;
        int code;
        try {
            System.setIn(new java.io.ByteArrayInputStream((sandbox.connectionSettings().password() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            code = dev.ringside.cli.RingsideCli.commandLine(new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true)).execute(words.subList(1, words.size()).toArray(String[]::new));
        } finally {
            System.setIn(stdin);
        }
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo(Long.toString(appCount));
    }

    @Test
    @Order(8)
    void reRunFromJobsOnTheSameClusterCountsAgain() throws Exception {
        robot.interact(() -> ui.mainController().show(MainController.Screen.JOBS));
        @SuppressWarnings("unchecked") TableView<dev.ringside.app.history.JobRecord> jobs =
                robot.lookup("#jobs").queryAs(TableView.class);
        dev.ringside.app.history.JobRecord count = jobs.getItems().stream()
                .filter(j -> j.job().kind() == dev.ringside.app.history.JobKind.COUNT).findFirst().orElseThrow();
        assertThat(count.job().cluster()).isNotNull();
        assertThat(count.job().cluster().sameClusterAs(ui.session().cluster())).isTrue();
        int before = jobs.getItems().size();
        robot.interact(() -> jobs.getSelectionModel().select(count));
        robot.interact(() -> ui.countViewModel().settings().splitsProperty().set(16));
        fire("jobsTab", "#rerun");
        // Same cluster: no question, straight to the count screen with the job's options.
        assertThat(ui.mainController().tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("countTab");
        waitFor(() -> jobs.getItems().size() == before + 1 && !ui.countViewModel().runningProperty().get());
        assertThat(ui.countViewModel().exactCountProperty().get()).isEqualTo(30_000);
        assertThat(ui.countViewModel().settings().splitsProperty().get()).isEqualTo(count.job().options().splits());
        dev.ringside.app.history.JobRecord again = jobs.getItems().get(0);
        assertThat(again.job().options()).isEqualTo(count.job().options());
        assertThat(again.job().cluster()).isEqualTo(count.job().cluster());
        assertThat(again.outcome().state()).isEqualTo(dev.ringside.app.history.JobState.COMPLETE);
    }

    /** A node of one screen (several screens use the same ids). */
    private Node in(String tabId, String query) {
        Tab tab = ui.mainController().tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
        return robot.from(tab.getContent()).lookup(query).query();
    }

    /** Presses a button below the fold of a scrolled screen the way the keyboard would. */
    /** Watches the FX thread from the press of Start to the result. */
    private FxThreadWatch watch() throws java.io.IOException {
        return new FxThreadWatch(dir);
    }

    /**
     * The FX thread did no file or network I/O while the job ran (the job's files, history, profiles and the
     * cluster are all handled off it). Its stalls are logged, not asserted: they depend on the machine's load.
     */
    private void assertNoIoOnTheFxThread() {
        FxThreadWatch w = watched.get(watched.size() - 1);
        LOG.info("FX thread during the job: {} pulses, longest wait {} ms, p99 {} ms", w.pulses(),
                String.format(java.util.Locale.ROOT, "%.1f", w.maxStallMillis()),
                String.format(java.util.Locale.ROOT, "%.1f", w.p99StallMillis()));
        assertThat(w.fxThreadIo()).as("file or socket I/O on the JavaFX thread").isEmpty();
    }

    private void fire(String tabId, String query) {
        Button b = (Button) in(tabId, query);
        assertThat(b.isDisabled()).as(query + " enabled").isFalse();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void setText(String query, String text) {
        TextField field = (TextField) in(ui.mainController().tabs.getSelectionModel().getSelectedItem().getId(), query);
        robot.interact(() -> field.setText(text));
    }

    private void setSpinner(String tabId, String query, int value) {
        Spinner<?> spinner = (Spinner<?>) in(tabId, query);
        robot.interact(() -> {
            spinner.getEditor().setText(Integer.toString(value));
            spinner.commitValue();
        });
    }

    private int spinnerValue(String tabId, String query) {
        return (Integer) ((Spinner<?>) in(tabId, query)).getValue();
    }

    private Label label(String tabId, String query) {
        return (Label) in(tabId, query);
    }

    /** Waits for something the app does in the background; the bound is generous and only stops a hung test. */
    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
