package dev.ringside.ui.jobs;

import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.testing.Histories;
import dev.ringside.ui.common.Bundles;
import dev.ringside.ui.common.job.JobHistory;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs table as the user sees it (headless TestFX, no cluster): local times without a zone letter, numbers that
 * sort as numbers, the full options in a tooltip, and no empty filler column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsScreenTest {

    private final FxRobot robot = new FxRobot();
    private final TimeZone zone = TimeZone.getDefault();
    private final java.util.Locale locale = java.util.Locale.getDefault();
    private TableView<JobRecord> table;
    @TempDir
    static Path dir;

    @BeforeAll
    void show() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo")); // UTC+9, no daylight saving
        java.util.Locale.setDefault(java.util.Locale.US);
        JobHistory history = Histories.in(dir);
        long[] rows = {9, 100, 20};
        for (int i = 0; i < rows.length; i++) {
            history.add(new JobRecord(JobSpec.count("shop", "orders" + i, RangeJobOptions.defaults()),
                    Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i),
                    new JobOutcome(JobState.COMPLETE, rows[i], rows[i] / 10.0, rows[i] * 1000.0, "done")));
        }
        JobsViewModel vm = new JobsViewModel(history, new dev.ringside.ui.common.Session(), new dev.ringside.ui.common.SyncTaskRunner(),
                new dev.ringside.testing.RecordingPrompter(true), new JobsViewModel.Rerun() {
                    @Override
                    public void run(JobRecord job) { }

                    @Override
                    public void connectTo(dev.ringside.app.history.ClusterEntry cluster) { }
                });
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            FXMLLoader loader = new FXMLLoader(JobsController.class.getResource("/dev/ringside/ui/jobs/jobs.fxml"),
                    Bundles.load("dev.ringside.ui.jobs.jobs"));
            loader.setControllerFactory(type -> new JobsController(vm));
            try {
                Parent root = loader.load();
                // The app's theme and stylesheet, so that widths are measured in the fonts the user sees.
                javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                Scene scene = new Scene(root, 1280, 400);
                scene.getStylesheets().add(dev.ringside.ui.RingsideUi.class.getResource("ringside.css").toExternalForm());
                s.setScene(scene);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        table = robot.lookup("#jobs").queryAs(TableView.class);
    }

    @AfterAll
    void restore() throws Exception {
        TimeZone.setDefault(zone);
        java.util.Locale.setDefault(locale);
        FxToolkit.cleanupStages();
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    @SuppressWarnings("unchecked")
    private TableColumn<JobRecord, ?> column(String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private String cellText(String columnId, int row) {
        TableColumn<JobRecord, ?> column = column(columnId);
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == column && c.getIndex() == row && !c.isEmpty())
                .map(c -> c.getText()).findFirst().orElseThrow();
    }

    @Test
    void timesAreLocalWithoutAZoneLetter() {
        String started = cellText("started", 0);
        assertThat(started).doesNotContain("Z").contains("7:00:0").endsWith("PM"); // 10:00 UTC is 19:00 in Tokyo
    }

    @Test
    void rowsTimeAndRateSortAsNumbers() {
        for (String id : List.of("rows", "duration", "rate")) {
            robot.interact(() -> {
                table.getSortOrder().setAll(column(id));
                column(id).setSortType(TableColumn.SortType.ASCENDING);
                table.sort();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getItems().stream().map(j -> j.outcome().rows()).toList()).as(id).containsExactly(9L, 20L, 100L);
        }
        assertThat(cellText("rows", 2)).isEqualTo("100");
    }

    @Test
    void theOptionsCellShowsItsWholeTextAsATooltip() {
        TableColumn<JobRecord, ?> options = column("options");
        TableCell<?, ?> cell = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == options && !c.isEmpty()).findFirst().orElseThrow();
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText()).startsWith("256 splits");
    }

    @Test
    void noHeaderOrCellIsCutAt1280() throws Exception {
        java.util.List<String> cut = WaitForAsyncUtils.asyncFx(() -> dev.ringside.ui.CutText.under(table)).get();
        assertThat(cut).as("text cut with an ellipsis").isEmpty();
    }

    @Test
    void theColumnsFillTheTableWithNoFillerColumn() {
        Node filler = table.lookup(".column-header-background .filler");
        assertThat(filler == null ? 0 : filler.getLayoutBounds().getWidth()).isLessThan(4);
        double sum = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(sum).isGreaterThan(table.getWidth() - 30);
    }
}
