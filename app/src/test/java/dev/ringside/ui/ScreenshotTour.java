package dev.ringside.ui;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.sandbox.SampleData;
import dev.ringside.sandbox.SampleRowsRecord;
import dev.ringside.sink.ExportFormat;
import dev.ringside.testing.NodeJmx;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.theme.ThemeChoice;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the README's screenshots: the real app at 1280 x 800 against the test sandbox filled like
 * {@code sandbox up --rows 200000} ({@code demo.events}, seed 42), through connect, browse, a count with top
 * partitions, a Parquet export to {@code ringside-exports/} under a scratch home folder, and the Jobs screen, each
 * saved light ({@code NAME.png}) and dark ({@code NAME-dark.png}). Not part of the normal run: it only runs when
 * {@code -Dringside.screenshots=DIR} names the folder to write.
 */
@Tag("screenshots")
@EnabledIfSystemProperty(named = Screenshots.PROPERTY, matches = ".+")
@ExtendWith(SandboxExtension.class)
class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final long DEMO_ROWS = 200_000;
    /** The seed {@code sandbox up} loads the sample rows with, so the screens show the same data as the demo. */
    private static final long DEMO_SEED = 42;
    /** Where the export goes: a folder that reads like a user's, not a test's temporary one. */
    private static final Path HOME = Path.of(System.getProperty("ringside.screenshots.home",
            Path.of(System.getProperty("java.io.tmpdir"), "analyst").toString()));

    private final FxRobot robot = new FxRobot();
    private final Screenshots screenshots = new Screenshots(Path.of(System.getProperty(Screenshots.PROPERTY)));
    private RingsideUi ui;
    private Stage stage;
    @TempDir
    Path config;

    @AfterAll
    static void closeStages() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void takesEveryScreenLightAndDark(SharedSandbox sandbox) throws Exception {
        loadDemoData(sandbox);
        Path exports = Files.createDirectories(HOME.resolve("ringside-exports"));
        Path out = exports.resolve("events.parquet");
        Files.deleteIfExists(out);
        openApp();
        try {
            ConnectionSettings s = sandbox.connectionSettings();
            setText("#hosts", String.join(", ", s.contactPoints()));
            setText("#port", Integer.toString(s.port()));
            setText("#user", s.username());
            setText("#password", s.password());
            snap("connect");
            robot.interact(() -> ((javafx.scene.control.Button) in("connectTab", "#connectButton")).fire());
            waitFor(() -> ui.session().connection() != null);

            chooseDemoEvents();
            snap("browse");

            robot.interact(() -> ui.mainController().show(MainController.Screen.COUNT));
            setSpinner("countTab", "#splitsField", 64);
            setSpinner("countTab", "#parallelismField", 8);
            robot.interact(() -> ui.countViewModel().findTopPartitionsProperty().set(true));
            robot.interact(() -> ((javafx.scene.control.Button) in("countTab", "#start")).fire());
            waitFor(() -> ui.countViewModel().exactCountProperty().get() >= 0 || !ui.countViewModel().failures().isEmpty());
            assertThat(ui.countViewModel().exactCountProperty().get()).isEqualTo(DEMO_ROWS);
            snap("count");

            robot.interact(() -> ui.mainController().show(MainController.Screen.EXPORT));
            robot.interact(() -> ui.exportViewModel().formatProperty().set(ExportFormat.PARQUET));
            setText("#output", out.toString());
            robot.interact(() -> ((javafx.scene.control.Button) in("exportTab", "#start")).fire());
            waitFor(() -> !ui.exportViewModel().summaryProperty().get().isEmpty()
                    || !ui.exportViewModel().failures().isEmpty());
            assertThat(ui.exportViewModel().summaryProperty().get()).startsWith("Exported 200,000 rows of demo.events");
            snap("export");
            snapRunOnSpark();

            robot.interact(() -> ui.mainController().show(MainController.Screen.JOBS));
            TableView<?> jobs = robot.lookup("#jobs").queryAs(TableView.class);
            waitFor(() -> jobs.getItems().size() >= 2);
            snap("jobs");
        } finally {
            if (ui.session().connection() != null) {
                ui.session().connection().close();
            }
        }
    }

    /**
     * What {@code sandbox up --rows 200000} does: demo.events with the same rows. The table is counted rather than
     * the sandbox's record trusted, as other tests of the same run drop and refill {@code demo} (SampleLoadTest).
     */
    private static void loadDemoData(SharedSandbox sandbox) throws Exception {
        CqlSession session = sandbox.session();
        SampleData sample = new SampleData(session);
        sample.createSchema(sandbox.cluster().settings());
        if (demoRows(session) != DEMO_ROWS) {
            session.execute("DROP KEYSPACE IF EXISTS " + SampleData.KEYSPACE);
            sample.createSchema(sandbox.cluster().settings());
            sample.load(DEMO_ROWS, DEMO_SEED, n -> LOG.info("Loaded {} demo rows", n));
            new SampleRowsRecord(sandbox.cluster().settings().dir()).completed(DEMO_ROWS);
        }
        // Flushed and estimated now, as a cluster that has run a while would be: Browse shows its size estimate.
        NodeJmx.flushAndRefreshEstimates(sandbox.cluster().settings(), SampleData.KEYSPACE, SampleData.TABLE);
    }

    private static long demoRows(CqlSession session) throws Exception {
        return new CountEngine(session).start(new CountRequest(SampleData.KEYSPACE, SampleData.TABLE,
                RangeJobOptions.defaults()), s -> { }).result().get().rows();
    }

    /** A fresh settings folder, so the window opens at its default 1280 x 800 with no remembered jobs or profiles. */
    private void openApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), folder -> { });
            ui.show();
            stage.setWidth(WindowState.DEFAULT.width());
            stage.setHeight(WindowState.DEFAULT.height());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void chooseDemoEvents() throws Exception {
        @SuppressWarnings("unchecked") TreeView<String> tree = robot.lookup("#tree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot().getChildren().stream().anyMatch(k -> k.getValue().equals(SampleData.KEYSPACE)));
        TreeItem<String> ks = tree.getRoot().getChildren().stream()
                .filter(k -> k.getValue().equals(SampleData.KEYSPACE)).findFirst().orElseThrow();
        robot.interact(() -> {
            ks.setExpanded(true);
            TreeItem<String> table = ks.getChildren().stream()
                    .filter(t -> t.getValue().equals(SampleData.TABLE)).findFirst().orElseThrow();
            tree.getSelectionModel().select(table);
        });
        @SuppressWarnings("unchecked") TableView<List<String>> preview = robot.lookup("#preview").queryAs(TableView.class);
        waitFor(() -> !preview.getItems().isEmpty());
    }

    /**
     * Saves the screen as it is now, light then dark, and leaves it light; logs any text cut with "…" (to look at:
     * the Options and Cluster cells of Jobs are meant to cut long values, with a tooltip).
     */
    private void snap(String name) throws Exception {
        snap(name, stage.getScene());
    }

    /**
     * "Run on Spark…" from the Export screen, set up as for a standalone cluster (the paths of an installed Spark and
     * of the app's job jar; nothing is launched), saved as {@code spark.png} and {@code spark-dark.png}.
     */
    private void snapRunOnSpark() throws Exception {
        robot.interact(() -> ((javafx.scene.control.Button) in("exportTab", "#runOnSpark")).fire());
        waitFor(() -> sparkScene() != null);
        javafx.scene.Scene spark = sparkScene();
        for (String[] field : new String[][] {{"#sparkSparkHome", "/opt/spark"}, {"#sparkMaster", "spark://spark-master:7077"},
                {"#sparkJobJar", "/opt/ringside/lib/ringside-spark.jar"}}) {
            TextField f = (TextField) spark.getRoot().lookup(field[0]);
            robot.interact(() -> f.setText(field[1]));
        }
        snap("spark", spark);
        robot.interact(() -> ((Stage) spark.getWindow()).close());
    }

    private static javafx.scene.Scene sparkScene() {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).map(javafx.stage.Window::getScene)
                .filter(sc -> sc.getRoot().lookup("#sparkRunWindow") != null).findFirst().orElse(null);
    }

    private void snap(String name, javafx.scene.Scene scene) throws Exception {
        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            robot.interact(() -> ui.themeChoiceProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> CutText.under(scene.getRoot())).get();
            if (!cut.isEmpty()) {
                LOG.warn("Cut text on {} ({}): {}", name, theme, cut);
            }
            String file = theme == ThemeChoice.DARK ? name + "-dark" : name;
            robot.interact(() -> {
                try {
                    screenshots.save(scene, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        robot.interact(() -> ui.themeChoiceProperty().set(ThemeChoice.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node in(String tabId, String query) {
        Tab tab = ui.mainController().tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
        return robot.from(tab.getContent()).lookup(query).query();
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

    /** Waits for the app's background work; the bound only stops a hung run. */
    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
