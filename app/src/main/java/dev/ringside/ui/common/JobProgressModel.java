package dev.ringside.ui.common;

import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.RangeView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.List;

/**
 * The live state of a running count or export, fed by coalesced engine snapshots on the UI thread: figures, the
 * rows/s series for the charts (a rolling 60-second window, and the whole job decimated to at most
 * {@link #MAX_POINTS} points), and each range's state for the ring view.
 */
public final class JobProgressModel {

    public static final double WINDOW_SECONDS = 60;
    public static final int MAX_POINTS = 240;
    /** The last-minute chart's window moves on this many seconds at a time. */
    public static final double WINDOW_STEP = 10;

    private final Texts texts = Texts.load("dev.ringside.ui.common.common");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyLongWrapper rows = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper rowsText = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(none());
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(none());
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper(none());
    private final ReadOnlyStringWrapper rangesText = new ReadOnlyStringWrapper(none());
    private final ReadOnlyStringWrapper bytesText = new ReadOnlyStringWrapper(none());
    private final ObjectProperty<List<RangeView>> ranges = new SimpleObjectProperty<>(List.of());
    /** The range chosen on the ring or in the ranges table (its id), or -1. */
    private final javafx.beans.property.IntegerProperty selectedRange = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final ObservableList<XYChart.Data<Number, Number>> recent = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> whole = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> average = FXCollections.observableArrayList();
    /** The charts' axes, in whole steps ({@link AxisScale}): x and y of the last minute, x and y of the whole job. */
    private final ObjectProperty<AxisScale> recentX = new SimpleObjectProperty<>(AxisScale.window(0, WINDOW_SECONDS, WINDOW_STEP));
    private final ObjectProperty<AxisScale> recentY = new SimpleObjectProperty<>(AxisScale.fromZero(0));
    private final ObjectProperty<AxisScale> wholeX = new SimpleObjectProperty<>(AxisScale.fromZero(WINDOW_STEP));
    private final ObjectProperty<AxisScale> wholeY = new SimpleObjectProperty<>(AxisScale.fromZero(0));
    private int decimation = 1;
    private int skipped;

    private String none() {
        return texts.get("format.none");
    }

    public void reset() {
        fraction.set(0);
        rows.set(0);
        rowsText.set("0");
        rateText.set(none());
        etaText.set(none());
        elapsedText.set(none());
        rangesText.set(none());
        bytesText.set(none());
        ranges.set(List.of());
        selectedRange.set(-1);
        recent.clear();
        whole.clear();
        average.clear();
        decimation = 1;
        skipped = 0;
        scale(0);
    }

    public void apply(ProgressSnapshot s) {
        fraction.set(s.fractionDone());
        rows.set(s.rows());
        rowsText.set(Formats.count(s.rows()));
        rateText.set(texts.get("progress.rate", Formats.rate(s.rowsPerSecond()), Formats.rate(s.averageRowsPerSecond())));
        etaText.set(s.finished() ? texts.get("progress.etaDone")
                : s.etaIfKnown().map(Formats::duration).orElseGet(() -> texts.get("progress.etaEstimating")));
        elapsedText.set(Formats.duration(s.elapsed()));
        rangesText.set(texts.get("progress.ranges", Formats.count(s.rangesDone()), Formats.count(s.rangesTotal()),
                Formats.count(s.rangesRunning()), Formats.count(s.rangesFailed()), Formats.percent(s.percentDone())));
        bytesText.set(s.files() > 0 ? texts.get("progress.written", Formats.bytes(s.bytesWritten()), Formats.count(s.files()),
                s.files()) : none());
        ranges.set(s.ranges());
        double t = s.elapsed().toMillis() / 1000.0;
        recent.add(new XYChart.Data<>(t, s.rowsPerSecond()));
        while (!recent.isEmpty() && recent.get(0).getXValue().doubleValue() < t - WINDOW_SECONDS) {
            recent.remove(0);
        }
        if (++skipped >= decimation || s.finished()) {
            skipped = 0;
            whole.add(new XYChart.Data<>(t, s.rowsPerSecond()));
            average.add(new XYChart.Data<>(t, s.averageRowsPerSecond()));
            if (whole.size() > MAX_POINTS) {
                halve(whole);
                halve(average);
                decimation *= 2;
            }
        }
        scale(t);
    }

    /** Sets each axis to the scale its points need now; an axis left as it was is not laid out again. */
    private void scale(double t) {
        set(recentX, AxisScale.window(t, WINDOW_SECONDS, WINDOW_STEP));
        set(recentY, AxisScale.fromZero(max(recent, 0)));
        set(wholeX, AxisScale.fromZero(Math.max(t, WINDOW_STEP)));
        set(wholeY, AxisScale.fromZero(max(average, max(whole, 0))));
    }

    private static void set(ObjectProperty<AxisScale> axis, AxisScale scale) {
        if (!scale.equals(axis.get())) {
            axis.set(scale);
        }
    }

    private static double max(List<XYChart.Data<Number, Number>> points, double atLeast) {
        double max = atLeast;
        for (XYChart.Data<Number, Number> p : points) {
            max = Math.max(max, p.getYValue().doubleValue());
        }
        return max;
    }

    /**
     * Shows the engine's final figures in place of the last snapshot's: a snapshot is taken a moment before the end,
     * so its rate and time differ slightly from the result's, and the screen would show two answers.
     */
    public void settle(long finalRows, double seconds, double rowsPerSecond) {
        rows.set(finalRows);
        rowsText.set(Formats.count(finalRows));
        rateText.set(Formats.rate(rowsPerSecond));
        elapsedText.set(seconds < 60 ? Formats.seconds(seconds) : Formats.duration(java.time.Duration.ofMillis(Math.round(seconds * 1000))));
        etaText.set(texts.get("progress.etaDone"));
    }

    /**
     * Keeps every other point (and the last), so a long job's chart stays cheap to draw. The others are removed in
     * place: setting the kept points again (the same objects, just removed) left the chart drawing only the points
     * added after it.
     */
    private static void halve(ObservableList<XYChart.Data<Number, Number>> points) {
        java.util.Set<XYChart.Data<Number, Number>> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 1; i < points.size() - 1; i += 2) {
            dropped.add(points.get(i));
        }
        points.removeIf(dropped::contains);
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rowsTextProperty() {
        return rowsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rangesTextProperty() {
        return rangesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bytesTextProperty() {
        return bytesText.getReadOnlyProperty();
    }

    public ObjectProperty<List<RangeView>> rangesProperty() {
        return ranges;
    }

    public javafx.beans.property.IntegerProperty selectedRangeProperty() {
        return selectedRange;
    }

    public ReadOnlyObjectProperty<AxisScale> recentXProperty() {
        return recentX;
    }

    public ReadOnlyObjectProperty<AxisScale> recentYProperty() {
        return recentY;
    }

    public ReadOnlyObjectProperty<AxisScale> wholeXProperty() {
        return wholeX;
    }

    public ReadOnlyObjectProperty<AxisScale> wholeYProperty() {
        return wholeY;
    }

    public ObservableList<XYChart.Data<Number, Number>> recentRate() {
        return recent;
    }

    public ObservableList<XYChart.Data<Number, Number>> wholeRate() {
        return whole;
    }

    public ObservableList<XYChart.Data<Number, Number>> averageRate() {
        return average;
    }
}
