package dev.ringside.ui.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import dev.ringside.sink.ExportFormat;
import dev.ringside.spark.SparkTestHome;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.ConnectTab;
import dev.ringside.ui.MainController;
import dev.ringside.ui.RingsideUi;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.RingView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Run on Spark…" in the real window (headless, TestFX on Monocle), launching a real spark-submit in local[2] against
 * the module's sandbox node: a count that shows its progress, the ring of finished splits and the exact number; an
 * export whose part files DuckDB reads back equal to the table; a throttled export that Cancel stops.
 */
@ExtendWith(dev.ringside.spark.SparkTestCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunOnSparkUiTest {

    private static final int ROWS = 3_000;

    private final FxRobot robot = new FxRobot();
    private RingsideUi ui;
    private SparkTestHome spark;
    @TempDir
    static Path dir;

    @BeforeAll
    void start(SharedSandbox sandbox) throws Exception {
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("sparkui", 1);
        session.execute("CREATE TABLE sparkui.t (k int PRIMARY KEY, v text)");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO sparkui.t (k, v) VALUES (?, ?)");
        Inserts.run(session, ROWS, i -> insert.bind((int) i, "v" + i));
        spark = SparkTestHome.create(dir.resolve("spark"));

        Stage stage = FxToolkit.registerPrimaryStage();
        Path config = Files.createDirectories(dir.resolve("config"));
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), p -> { });
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        new ConnectTab(robot, ui).connect(sandbox.connectionSettings());
        robot.interact(() -> ui.session().tableProperty().set(new TableRef("sparkui", "t")));
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (ui != null && ui.session().connection() != null) {
            ui.session().connection().close();
        }
    }

    /** A test that failed half-way leaves no window behind for the next one to find. */
    @AfterEach
    void closeSparkWindows() {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w.getScene().getRoot().lookup("#sparkRunWindow") != null)
                .toList().forEach(w -> ((Stage) w).close()));
    }

    @Test
    @Order(1)
    void aCountOnSparkShowsItsProgressTheRingAndTheExactNumber() throws Exception {
        robot.interact(() -> ui.mainController().show(MainController.Screen.COUNT));
        Node window = openSparkWindow("countTab");
        fillIn(window, "");
        TextArea command = (TextArea) robot.from(window).lookup("#sparkCommand").query();
        assertThat(command.getText()).as(text(window, "#sparkProblem")).startsWith("spark-submit --master").contains(" count ", "--keyspace sparkui", "--table t",
                "--password-file cassandra-password.txt").doesNotContain("--password ");

        launchAndWait(window);

        assertThat(((javafx.scene.control.TitledPane) robot.from(window).lookup("#sparkSettings").query()).isExpanded())
                .as("the settings folded by the launch, so the live view shows").isFalse();
        assertThat(text(window, "#sparkState")).isEqualTo("State: Finished");
        assertThat(text(window, "#sparkResult")).startsWith("3,000 rows in sparkui.t, counted on Spark in");
        assertThat(((ProgressBar) robot.from(window).lookup("#progressBar").query()).getProgress()).isEqualTo(1.0);
        List<RangeView> ring = ((RingView) robot.from(window).lookup("#ringView").query()).rangesProperty().get();
        assertThat(ring).as("the job's splits on the ring").isNotEmpty().allMatch(r -> r.state() == RangeState.DONE);
        assertThat(ring.stream().mapToDouble(RangeView::fraction).sum()).as("the whole ring").isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
        closeWindow(window);
    }

    @Test
    @Order(2)
    void anExportOnSparkWritesTheWholeTable() throws Exception {
        Path out = dir.resolve("orders-csv");
        String url = out.toUri().toString();
        robot.interact(() -> {
            ui.mainController().show(MainController.Screen.EXPORT);
            ui.exportViewModel().formatProperty().set(ExportFormat.CSV);
            ui.exportViewModel().outputProperty().set(dir.resolve("t.csv").toString());
        });
        Node window = openSparkWindow("exportTab");
        setText(window, "#sparkOutput", url);
        fillIn(window, "");
        launchAndWait(window);

        assertThat(text(window, "#sparkState")).isEqualTo("State: Finished");
        assertThat(text(window, "#sparkResult")).startsWith("3,000 rows exported on Spark to " + url + " in ");
        assertThat(out.resolve("_SUCCESS")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT k), min(k), max(k), count(*) FILTER (WHERE v = 'v' || k) "
                     + "FROM read_csv('" + out + "/part-*.csv', header = true, columns = {'k': 'INTEGER', 'v': 'VARCHAR'})")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            assertThat(rs.getLong(2)).isEqualTo(ROWS);
            assertThat(rs.getInt(3)).isZero();
            assertThat(rs.getInt(4)).isEqualTo(ROWS - 1);
            assertThat(rs.getLong(5)).as("every value as written").isEqualTo(ROWS);
        }
        closeWindow(window);
    }

    @Test
    @Order(3)
    void cancelStopsTheSparkApplication() throws Exception {
        Path out = dir.resolve("throttled");
        robot.interact(() -> ui.exportViewModel().maxRowsPerSecondProperty().set(20));
        Node window = openSparkWindow("exportTab");
        String url = out.toUri().toString();
        setText(window, "#sparkOutput", url);
        fillIn(window, "");
        robot.clickOn((Node) robot.from(window).lookup("#launchSpark").query());
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Label state = (Label) robot.from(window).lookup("#sparkState").query();
        robot.interact(() -> state.textProperty().addListener((o, was, now) -> seen.add(now)));
        waitFor(() -> seen.stream().anyMatch(t -> t.startsWith("State: Running: ")) || seen.stream().anyMatch(t -> t.contains("Finished")));
        assertThat(seen).as("states shown").anyMatch(t -> t.startsWith("State: Running: "));
        robot.clickOn((Node) robot.from(window).lookup("#cancelSpark").query());
        waitFor(() -> robot.from(window).lookup("#launchSpark").queryButton().isDisabled() == false);

        assertThat(text(window, "#sparkState")).isEqualTo("State: Cancelled");
        assertThat(text(window, "#sparkResult")).startsWith("Cancelled.");
        assertThat(out.resolve("_SUCCESS")).as("no output published").doesNotExist();
        // The application is gone, not only reported cancelled: no spark-submit of this job is left running.
        waitFor(() -> ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).noneMatch(p -> commandLine(p).contains(url)));
        robot.interact(() -> ui.exportViewModel().maxRowsPerSecondProperty().set(0));
        closeWindow(window);
    }

    /** The settings a user gives: this machine's Spark, local[2], the job jar, no package to download. */
    private void fillIn(Node window, String packages) {
        setText(window, "#sparkSparkHome", spark.home().toString());
        setText(window, "#sparkMaster", "local[2]");
        setText(window, "#sparkJobJar", spark.jobJar().toString());
        setText(window, "#sparkPackages", packages);
        TextArea conf = (TextArea) robot.from(window).lookup("#sparkConf").query();
        robot.interact(() -> conf.setText("spark.driver.host=127.0.0.1\nspark.driver.bindAddress=127.0.0.1"));
        assertThat(text(window, "#sparkProblem")).isEmpty();
    }

    private void launchAndWait(Node window) throws Exception {
        Button launch = robot.from(window).lookup("#launchSpark").queryButton();
        assertThat(launch.isDisabled()).isFalse();
        robot.clickOn(launch);
        waitFor(() -> !robot.from(window).lookup("#cancelSpark").queryButton().isDisabled());
        waitFor(() -> robot.from(window).lookup("#cancelSpark").queryButton().isDisabled());
    }

    private Node openSparkWindow(String tabId) throws Exception {
        robot.clickOn((Node) robot.from(tab(tabId)).lookup("#runOnSpark").query());
        waitFor(() -> sparkWindow() != null);
        return sparkWindow();
    }

    private Node sparkWindow() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().getRoot().lookup("#sparkRunWindow")).filter(n -> n != null).findFirst().orElse(null);
    }

    private void closeWindow(Node window) throws Exception {
        robot.clickOn((Node) robot.from(window).lookup("#closeSpark").query());
        waitFor(() -> sparkWindow() == null);
    }

    private String text(Node window, String id) {
        return ((Label) robot.from(window).lookup(id).query()).getText();
    }

    private void setText(Node root, String query, String value) {
        TextField field = (TextField) robot.from(root).lookup(query).query();
        robot.interact(() -> field.setText(value));
    }

    private Node tab(String id) {
        Tab tab = ui.mainController().tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        return tab.getContent();
    }

    /**
     * A process's whole command line, from Linux's {@code /proc} (Java's own {@code ProcessHandle.Info} keeps only
     * the first 4,096 characters, and a Spark classpath is longer); empty once the process is gone.
     */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException gone) {
            return "";
        }
    }

    /** Waits for what Spark and the app do in the background; the bound only stops a hung test. */
    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

}
