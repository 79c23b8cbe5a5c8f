package dev.ringside.ui;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.ui.common.AppFiles;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window at 1280 x 800 (headless TestFX, an in-memory cluster of 3 nodes): after a count and an export,
 * what the user looks for is on screen without scrolling, the export's result banner with Open folder and Copy path
 * above all, and every node's rows; and no text of those screens is cut with "…".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenLayoutTest {

    private final FxRobot robot = new FxRobot();
    private RingsideUi ui;
    private Stage stage;
    @TempDir
    static Path dir;

    @BeforeAll
    void start() throws Exception {
        FakeClusterConnection cluster = new FakeClusterConnection().withEventsTable("demo", "events").withRanges(8, 1_500);
        stage = FxToolkit.registerPrimaryStage();
        Path config = Files.createDirectories(dir.resolve("config"));
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), settings -> cluster, p -> { });
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ui.connectViewModel().connect());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.session().connection() != null);
        robot.interact(() -> ui.session().tableProperty().set(new TableRef("demo", "events")));
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** On screen without scrolling: inside the scene and inside the screen's scroll viewport, which is at its top. */
    private void assertVisibleWithoutScrolling(Node node, ScrollPane screen) {
        assertThat(node.isVisible()).as(node.getId() + " visible").isTrue();
        Bounds b = node.localToScene(node.getBoundsInLocal());
        assertThat(stage.getScene().getHeight()).isEqualTo(800);
        assertThat(b.getMinY()).as(node.getId() + " top").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxY()).as(node.getId() + " bottom").isLessThanOrEqualTo(stage.getScene().getHeight());
        assertThat(b.getMaxX()).as(node.getId() + " right").isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(screen.getVvalue()).isEqualTo(screen.getVmin());
        Bounds viewport = screen.localToScene(screen.getLayoutBounds());
        assertThat(b.getMaxY()).as(node.getId() + " inside the screen's viewport").isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
    }

    @Test
    @Order(1)
    void aCountsResultAndEveryNodeFit() throws Exception {
        robot.interact(() -> {
            ui.mainController().show(MainController.Screen.COUNT);
            ui.countViewModel().start();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.countViewModel().exactCountProperty().get() == 12_000);
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane screen = (ScrollPane) ui.mainController().tabs.getSelectionModel().getSelectedItem().getContent();
        Node result = screen.lookup("#result");
        ListView<?> nodes = (ListView<?>) screen.lookup("#rowsPerNode");
        assertVisibleWithoutScrolling(result, screen);
        assertVisibleWithoutScrolling(nodes, screen);
        assertThat(nodes.getItems()).hasSize(3);
        assertThat(nodes.lookupAll(".scroll-bar").stream().map(n -> (ScrollBar) n)
                .filter(s -> s.getOrientation() == javafx.geometry.Orientation.VERTICAL).noneMatch(Node::isVisible))
                .as("no node hides behind a scrollbar").isTrue();
        assertThat(screen.lookup("#live").lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText())).doesNotContain("Written");
        assertNothingCut(screen);
    }

    /** No label, button, cell or header of the screen is cut with "…" at 1280 x 800. */
    private void assertNothingCut(Node screen) throws Exception {
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> CutText.under((javafx.scene.Parent) screen)).get();
        assertThat(cut).as("text cut with an ellipsis").isEmpty();
    }

    @Test
    @Order(2)
    void anExportsResultBannerAndLiveViewFitWithTheSettingsFolded() throws Exception {
        Path out = dir.resolve("events.csv");
        robot.interact(() -> {
            ui.mainController().show(MainController.Screen.EXPORT);
            ui.exportViewModel().outputProperty().set(out.toString());
            ui.exportViewModel().start();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ui.exportViewModel().summaryProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane screen = (ScrollPane) ui.mainController().tabs.getSelectionModel().getSelectedItem().getContent();
        assertThat(((TitledPane) screen.lookup("#settingsPane")).isExpanded()).as("settings folded by the run").isFalse();
        for (String id : new String[] {"summaryBox", "openFolder", "copyPath", "ringView", "progressBar"}) {
            assertVisibleWithoutScrolling(screen.lookup("#" + id), screen);
        }
        for (Node chart : screen.lookupAll(".chart")) {
            assertVisibleWithoutScrolling(chart, screen);
        }
        assertNothingCut(screen);
    }

    @Test
    @Order(3)
    void theAppBarShowsTheDemoLoadWithNothingCut() throws Exception {
        robot.interact(() -> ui.session().tableLoadProperty().set(
                dev.ringside.app.sample.TableLoad.started(new TableRef("demo", "events"), 200_000).at(114_000)));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Parent bar = (javafx.scene.Parent) ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getTop();
        assertThat(WaitForAsyncUtils.asyncFx(() -> CutText.under(bar)).get()).as("app bar text cut with an ellipsis")
                .isEmpty();
        robot.interact(() -> ui.session().tableLoadProperty().set(null));
    }

    /**
     * A screen's scroll pane repaints only what changed. JavaFX caches a scroll pane's viewport as one image, so any
     * change inside (a label four times a second during a job) repainted the whole screen into it and then the image
     * to the window: every frame of a running job cost as much as the first.
     */
    @Test
    @Order(4)
    void noScreenRepaintsItselfWholeForEachChange() throws Exception {
        List<javafx.scene.control.Tab> screens = WaitForAsyncUtils.asyncFx(() -> ui.mainController().tabs.getTabs().stream()
                .filter(t -> t.getContent() instanceof ScrollPane).toList()).get();
        assertThat(screens).as("screens that scroll").hasSizeGreaterThanOrEqualTo(3);
        for (javafx.scene.control.Tab screen : screens) {
            Node viewport = screen.getContent().lookup(".viewport");
            assertThat(viewport).as("viewport of %s", screen.getId()).isNotNull();
            assertThat(viewport.isCache()).as("viewport of %s cached as one image", screen.getId()).isFalse();
        }
    }
}
