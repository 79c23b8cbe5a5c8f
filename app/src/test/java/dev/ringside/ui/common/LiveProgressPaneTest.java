package dev.ringside.ui.common;

import dev.ringside.engine.progress.ProgressSnapshot;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live pane's charts as a long job feeds them, without a cluster. */
class LiveProgressPaneTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void theWholeJobChartStillDrawsTheJobsStartAfterItsPointsAreThinnedOut() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        JobProgressModel model = new JobProgressModel();
        LiveProgressPane pane = new LiveProgressPane();
        robot.interact(() -> {
            stage.setScene(new Scene(pane, 1280, 600));
            stage.show();
            pane.bind(model);
        });
        // 100 s at four snapshots a second: more points than the chart keeps, so they were halved.
        for (int batch = 0; batch < 40; batch++) {
            int first = batch * 10 + 1;
            robot.interact(() -> {
                for (int s = first; s < first + 10; s++) {
                    model.apply(new ProgressSnapshot(s * 25_000L, 100_000, 100_000, 0, 0, 1, 10, 0.1,
                            Duration.ofMillis(250L * s), null, 0, 0, List.of(), false));
                }
            });
        }
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked") LineChart<Number, Number> whole = (LineChart<Number, Number>) robot.from(pane)
                .lookup(".chart").queryAll().stream().filter(n -> n instanceof LineChart).skip(1).findFirst().orElseThrow();
        XYChart.Series<Number, Number> rate = whole.getData().get(0);
        assertThat(rate.getData().get(0).getXValue().doubleValue()).isLessThan(1);
        // The line is drawn through every point the model keeps, from the job's first seconds on.
        Path line = (Path) rate.getNode();
        assertThat(line.getElements()).hasSizeGreaterThanOrEqualTo(rate.getData().size());
        assertThat(line.getLayoutBounds().getMinX()).isLessThan(whole.getXAxis().getDisplayPosition(10));
    }
}
