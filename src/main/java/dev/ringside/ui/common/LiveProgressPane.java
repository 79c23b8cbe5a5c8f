package dev.ringside.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The live views of a running job, bound to a {@link JobProgressModel}: progress bar, figures, a rows/s chart for
 * the last minute, one for the whole job (with its average), and the ring view with its legend.
 */
public final class LiveProgressPane extends HBox {

    final ProgressBar bar = new ProgressBar(0);
    final Label rows = new Label();
    final Label rate = new Label();
    final Label eta = new Label();
    final Label elapsed = new Label();
    final Label ranges = new Label();
    final Label bytes = new Label();
    final RingView ring = new RingView();
    private final LineChart<Number, Number> recentChart = chart("Rows/s, last 60 s");
    private final LineChart<Number, Number> wholeChart = chart("Rows/s, whole job");

    public LiveProgressPane() {
        getStyleClass().add("live-progress");
        setSpacing(16);
        bar.setId("progressBar");
        rows.setId("rowsLabel");
        rate.setId("rateLabel");
        eta.setId("etaLabel");
        ring.setId("ringView");
        bar.setMaxWidth(Double.MAX_VALUE);
        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(4);
        String[] names = {"Rows", "Rows/s", "ETA", "Elapsed", "Ranges", "Written"};
        Label[] values = {rows, rate, eta, elapsed, ranges, bytes};
        for (int i = 0; i < names.length; i++) {
            Label name = new Label(names[i]);
            name.getStyleClass().add("figure-name");
            values[i].getStyleClass().add("figure-value");
            figures.add(name, 0, i);
            figures.add(values[i], 1, i);
        }
        HBox charts = new HBox(8, recentChart, wholeChart);
        HBox.setHgrow(recentChart, Priority.ALWAYS);
        HBox.setHgrow(wholeChart, Priority.ALWAYS);
        VBox left = new VBox(10, bar, figures, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox right = new VBox(8, ring, legend());
        right.setAlignment(Pos.TOP_CENTER);
        right.setMinWidth(220);
        getChildren().setAll(left, right);
        setPadding(new Insets(4, 0, 0, 0));
    }

    private static LineChart<Number, Number> chart(String title) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("rows/s");
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setMinHeight(180);
        c.setPrefHeight(220);
        c.setPrefWidth(300);
        return c;
    }

    private static Region legend() {
        HBox box = new HBox(10);
        box.setAlignment(Pos.CENTER);
        Object[][] items = {{"pending", RingView.PENDING}, {"running", RingView.RUNNING}, {"done", RingView.DONE_DARK}, {"failed", RingView.FAILED}};
        for (Object[] item : items) {
            Rectangle swatch = new Rectangle(10, 10, (Color) item[1]);
            Label l = new Label((String) item[0], swatch);
            l.getStyleClass().add("legend-item");
            box.getChildren().add(l);
        }
        return box;
    }

    public void bind(JobProgressModel model) {
        bar.progressProperty().bind(model.fractionProperty());
        rows.textProperty().bind(model.rowsTextProperty());
        rate.textProperty().bind(model.rateTextProperty());
        eta.textProperty().bind(model.etaTextProperty());
        elapsed.textProperty().bind(model.elapsedTextProperty());
        ranges.textProperty().bind(model.rangesTextProperty());
        bytes.textProperty().bind(model.bytesTextProperty());
        ring.rangesProperty().bind(model.rangesProperty());
        recentChart.getData().clear();
        recentChart.getData().add(new XYChart.Series<>("rows/s", model.recentRate()));
        wholeChart.getData().clear();
        wholeChart.getData().add(new XYChart.Series<>("rows/s", model.wholeRate()));
        wholeChart.getData().add(new XYChart.Series<>("average", model.averageRate()));
    }
}
