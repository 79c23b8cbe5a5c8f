package dev.ringside.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.ringside.engine.progress.RangeState;

import java.util.Locale;

/**
 * The live views of a running job, bound to a {@link JobProgressModel}: progress bar, figures, a rows/s chart for
 * the last minute, one for the whole job (with its average), the ring view with its legend, and the ranges table
 * beside it (a range selected in one is selected in the other).
 */
public final class LiveProgressPane extends HBox {

    /** The ring and its legend: at 1280 px the figures and the ranges table take the rest. */
    private static final double RIGHT_WIDTH = 200;

    private final Texts texts = Texts.load("dev.ringside.ui.common.common");
    final ProgressBar bar = new ProgressBar(0);
    final Label rows = new Label();
    final Label rate = new Label();
    final Label eta = new Label();
    final Label elapsed = new Label();
    final Label ranges = new Label();
    final Label bytes = new Label();
    final RingView ring = new RingView();
    private final GridPane figures = new GridPane();
    private final Label writtenName = new Label();
    final RangeTable rangeTable = new RangeTable();
    private final LineChart<Number, Number> recentChart = chart("live.chart.recent",
            texts.get("live.chart.recent.tooltip"));
    private final LineChart<Number, Number> wholeChart = chart("live.chart.whole",
            texts.get("live.chart.whole.tooltip", JobProgressModel.MAX_POINTS));

    public LiveProgressPane() {
        getStyleClass().add("live-progress");
        setSpacing(16);
        bar.setId("progressBar");
        rows.setId("rowsLabel");
        rate.setId("rateLabel");
        eta.setId("etaLabel");
        ring.setId("ringView");
        rangeTable.setId("rangeTable");
        bar.setMaxWidth(Double.MAX_VALUE);
        figures.setHgap(12);
        figures.setVgap(4);
        javafx.scene.layout.ColumnConstraints nameColumn = new javafx.scene.layout.ColumnConstraints();
        nameColumn.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints valueColumn = new javafx.scene.layout.ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        figures.getColumnConstraints().setAll(nameColumn, valueColumn);
        figures.setMinWidth(0);
        String[] names = {"live.rows", "live.rate", "live.eta", "live.elapsed", "live.ranges", "live.written"};
        Label[] values = {rows, rate, eta, elapsed, ranges, bytes};
        for (int i = 0; i < names.length; i++) {
            Label name = i == names.length - 1 ? writtenName : new Label();
            name.setText(texts.get(names[i]));
            name.getStyleClass().add("figure-name");
            name.setMinWidth(Region.USE_PREF_SIZE); // short names: never "R…"
            values[i].getStyleClass().add("figure-value");
            values[i].setWrapText(true); // a long value (the ranges) takes a second line rather than an ellipsis
            values[i].setMinHeight(Region.USE_PREF_SIZE); // its height for the width it gets: the lines it wraps to
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
        // At 1280 px the ranges table needs its columns whole, the ring less than it had: it stays readable smaller.
        right.setMinWidth(RIGHT_WIDTH);
        right.setPrefWidth(RIGHT_WIDTH);
        right.setMaxWidth(320);
        rangeTable.setMinWidth(RangeTable.WIDTH);
        rangeTable.setPrefWidth(RangeTable.WIDTH);
        getChildren().setAll(left, right, rangeTable);
        setPadding(new Insets(4, 0, 0, 0));
    }

    private LineChart<Number, Number> chart(String titleKey, String tooltip) {
        NumberAxis x = new NumberAxis();
        x.setLabel(texts.get("live.axis.seconds"));
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(texts.get("live.axis.rate"));
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(texts.get(titleKey));
        Tooltip.install(c, new Tooltip(tooltip));
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setMinHeight(180);
        c.setPrefHeight(220);
        c.setPrefWidth(300);
        return c;
    }

    /** The axis shows the model's scale, which moves in whole steps, rather than ranging itself on every point. */
    private static void follow(javafx.scene.chart.Axis<Number> axis, javafx.beans.value.ObservableValue<AxisScale> scale) {
        NumberAxis a = (NumberAxis) axis;
        a.setAutoRanging(false);
        a.lowerBoundProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> scale.getValue().lower(), scale));
        a.upperBoundProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> scale.getValue().upper(), scale));
        a.tickUnitProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> scale.getValue().tick(), scale));
    }

    /** The states, one a line, each wrapped to the ring's width rather than cut. */
    private Region legend() {
        VBox box = new VBox(4);
        box.setAlignment(Pos.TOP_LEFT);
        box.setId("ringLegend");
        for (RangeState state : RangeState.values()) {
            Label l = new Label(texts.get("live.legend." + state.name().toLowerCase(Locale.ROOT)), ring.swatch(state));
            l.getStyleClass().add("legend-item");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        javafx.scene.control.Tooltip.install(box, new Tooltip(texts.get("ring.legend.tooltip")));
        return box;
    }

    /** Whether the "Written" row shows: a count writes nothing, so its screen leaves it out. */
    public void setWrittenShown(boolean shown) {
        figures.getChildren().removeAll(writtenName, bytes);
        if (shown) {
            figures.addRow(5, writtenName, bytes);
        }
    }

    public boolean isWrittenShown() {
        return figures.getChildren().contains(bytes);
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
        rangeTable.rangesProperty().bind(model.rangesProperty());
        ring.selectedIdProperty().bindBidirectional(model.selectedRangeProperty());
        rangeTable.selectedIdProperty().bindBidirectional(model.selectedRangeProperty());
        follow(recentChart.getXAxis(), model.recentXProperty());
        follow(recentChart.getYAxis(), model.recentYProperty());
        follow(wholeChart.getXAxis(), model.wholeXProperty());
        follow(wholeChart.getYAxis(), model.wholeYProperty());
        recentChart.getData().clear();
        recentChart.getData().add(new XYChart.Series<>(texts.get("live.series.rate"), model.recentRate()));
        wholeChart.getData().clear();
        wholeChart.getData().add(new XYChart.Series<>(texts.get("live.series.rate"), model.wholeRate()));
        wholeChart.getData().add(new XYChart.Series<>(texts.get("live.series.average"), model.averageRate()));
    }
}
