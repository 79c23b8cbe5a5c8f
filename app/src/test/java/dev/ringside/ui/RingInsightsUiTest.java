package dev.ringside.ui;

import dev.ringside.ui.theme.ThemeChoice;
import javafx.scene.control.ComboBox;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.engine.count.HotPartition;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.RangeRow;
import dev.ringside.ui.common.RangeTable;
import dev.ringside.ui.common.RingView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring as an insight tool in the real window (headless, TestFX on Monocle), on the shared sandbox: a count with
 * top partitions, then hovering over an arc shows its figures, clicking it selects it in the ranges table and
 * selecting a row there selects the arc; the table sorts numbers as numbers; the range report saves in the
 * background; the ring's colours follow the theme.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RingInsightsUiTest {

    private static final int HOT_ROWS = 900;
    private static final int PARTITIONS = 300;
    private static final int ROWS_EACH = 5;

    private final FxRobot robot = new FxRobot();
    private SharedSandbox sandbox;
    private RingsideUi ui;
    private Stage stage;
    @TempDir
    static Path dir;

    @BeforeAll
    void start(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("ringui", 1);
        session.execute("CREATE TABLE ringui.t (p int, c int, PRIMARY KEY (p, c))");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO ringui.t (p, c) VALUES (?, ?)");
        Inserts.run(session, (long) PARTITIONS * ROWS_EACH, i -> insert.bind((int) (i / ROWS_EACH), (int) (i % ROWS_EACH)));
        Inserts.run(session, HOT_ROWS, i -> insert.bind(424_242, (int) i));
        stage = FxToolkit.registerPrimaryStage();
        Path config = Files.createDirectories(dir.resolve("config"));
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), p -> { });
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        new ConnectTab(robot, ui).connect(sandbox.connectionSettings());
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
    void aCountWithTopPartitionsFillsTheRingTheTableAndTheHotList() throws Exception {
        robot.interact(() -> {
            ui.session().tableProperty().set(new TableRef("ringui", "t"));
            ui.mainController().show(MainController.Screen.COUNT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox findTop = (CheckBox) in("countTab", "#findTop");
        robot.interact(() -> findTop.setSelected(true));
        robot.clickOn(in("countTab", "#start"));
        waitFor(() -> ui.countViewModel().exactCountProperty().get() >= 0 || !ui.countViewModel().failures().isEmpty());
        assertThat(ui.countViewModel().exactCountProperty().get()).isEqualTo((long) PARTITIONS * ROWS_EACH + HOT_ROWS);

        @SuppressWarnings("unchecked") TableView<HotPartition> hot = (TableView<HotPartition>) in("countTab", "#hotPartitions");
        assertThat(hot.getItems()).hasSize(10);
        assertThat(hot.getItems().get(0).key()).containsExactly("424242");
        assertThat(hot.getItems().get(0).rows()).isEqualTo(HOT_ROWS);
        assertThat(hot.getItems().get(0).replicas()).hasSize(1);
        assertThat(hot.getItems().get(1).rows()).isEqualTo(ROWS_EACH);
        assertThat(hot.getColumns().get(0).getText()).isEqualTo("p");

        RangeTable table = (RangeTable) in("countTab", "#rangeTable");
        RingView ring = ring();
        waitFor(() -> ring.rangesProperty().get().stream().allMatch(r -> r.state() == RangeState.DONE));
        assertThat(table.getItems()).hasSize(ring.rangesProperty().get().size());
    }

    @Test
    @Order(2)
    void hoveringShowsAnArcsFiguresAndClickingSelectsItInTheTable() throws Exception {
        RingView ring = ring();
        RangeTable table = (RangeTable) in("countTab", "#rangeTable");
        List<RangeView> ranges = ring.rangesProperty().get();
        RangeView target = ranges.stream().max(java.util.Comparator.comparingDouble(RangeView::fraction)).orElseThrow();
        scrollIntoView(ring);
        robot.moveTo(onScreen(ring, ring.centreOf(target)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ring.hoveredProperty().get()).isNotNull();
        assertThat(ring.hoveredProperty().get().id()).isEqualTo(target.id());
        assertThat(ring.tooltip().getText())
                .contains("Tokens (" + target.start() + ", " + target.end() + "]")
                .contains("Rows: " + dev.ringside.ui.common.Formats.count(target.rows()))
                .contains("Replica: " + target.node())
                .contains("Duration: ")
                .contains("State: done");

        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ring.selectedIdProperty().get()).isEqualTo(target.id());
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(target.id());

        // And back: a row chosen in the table selects its arc.
        RangeView other = ranges.get(ranges.size() / 2 == target.id() ? 0 : ranges.size() / 2);
        int row = table.getItems().indexOf(table.getItems().stream().filter(r -> r.id() == other.id()).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        assertThat(ring.selectedIdProperty().get()).isEqualTo(other.id());
        assertThat(ui.countViewModel().progress().selectedRangeProperty().get()).isEqualTo(other.id());
    }

    @Test
    @Order(3)
    void theTableSortsByRowsAsNumbersAndKeepsTheSelection() throws Exception {
        RangeTable table = (RangeTable) in("countTab", "#rangeTable");
        int selected = table.getSelectionModel().getSelectedItem().id();
        @SuppressWarnings("unchecked") TableColumn<RangeRow, ?> rows = (TableColumn<RangeRow, ?>) table.getColumns().stream()
                .filter(c -> "rowsColumn".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            rows.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(rows);
        });
        List<Long> sorted = table.getItems().stream().map(r -> r.range().rows()).toList();
        assertThat(sorted).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(sorted.get(0)).as("the hot partition's range first").isGreaterThanOrEqualTo(HOT_ROWS);
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(selected);
    }

    @Test
    @Order(4)
    void theRangeReportIsSavedInTheBackgroundAndReadsBack() throws Exception {
        Button save = (Button) in("countTab", "#saveReport");
        assertThat(save.isDisabled()).isFalse();
        Path report = dir.resolve("ringui-ranges.csv");
        robot.interact(() -> ui.countViewModel().rangeReport().save(report));
        waitFor(() -> ui.countViewModel().rangeReport().statusProperty().get().startsWith("Range report saved"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(rows) FROM read_csv('" + report + "', header = true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ring().rangesProperty().get().size());
            assertThat(rs.getLong(2)).isEqualTo((long) PARTITIONS * ROWS_EACH + HOT_ROWS);
        }
    }

    @Test
    @Order(5)
    void theRingsColoursFollowTheTheme() throws Exception {
        RingView ring = ring();
        @SuppressWarnings("unchecked")
        ComboBox<ThemeChoice> theme = robot.lookup("#themeBox").queryAs(ComboBox.class);
        ThemeChoice before = theme.getValue();
        robot.interact(() -> theme.setValue(ThemeChoice.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ring.applyCss());
        Color light = doneColour(ring);
        robot.interact(() -> theme.setValue(ThemeChoice.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ring.applyCss());
        Color darkColour = doneColour(ring);
        robot.interact(() -> theme.setValue(before));
        assertThat(light).as("Primer Light's success emphasis").isEqualTo(Color.web("#2da44e"));
        assertThat(darkColour).isNotEqualTo(light).isEqualTo(Color.web("#238636"));
    }

    private Color doneColour(RingView ring) throws Exception {
        Color[] c = new Color[1];
        robot.interact(() -> c[0] = ring.doneHighColour());
        return c[0];
    }

    private RingView ring() {
        return (RingView) in("countTab", "#ringView");
    }

    private static Point2D onScreen(Node node, Point2D local) {
        return node.localToScreen(local);
    }

    /** Scrolls the screen so that the node is inside the window, as a user would before pointing at it. */
    private void scrollIntoView(Node node) {
        Parent p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof ScrollPane scroll) {
            robot.interact(() -> {
                Bounds content = scroll.getContent().getLayoutBounds();
                Bounds in = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double room = content.getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.min(1, Math.max(0, in.getMinY() / room)));
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private Node in(String tabId, String query) {
        Tab tab = ui.mainController().tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
        return robot.from(tab.getContent()).lookup(query).query();
    }

    /** Waits for something the app does in the background; the bound only stops a hung test. */
    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
