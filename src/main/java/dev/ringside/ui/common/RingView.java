package dev.ringside.ui.common;

import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;

import java.util.List;

/**
 * The token ring as a circle: each planned range an arc, clockwise from the minimum token at twelve o'clock,
 * coloured by state (pending grey, running blue, failed red) and, when done, shaded green by its rows relative to
 * the fullest range.
 */
public final class RingView extends Region {

    static final Color PENDING = Color.web("#c8ccd2");
    static final Color RUNNING = Color.web("#2f81f7");
    static final Color FAILED = Color.web("#d1242f");
    static final Color DONE_LIGHT = Color.web("#b7e4c7");
    static final Color DONE_DARK = Color.web("#1a7f37");
    private static final double TOKENS = Math.pow(2, 64);

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<List<RangeView>> ranges = new SimpleObjectProperty<>(List.of());

    public RingView() {
        getStyleClass().add("ring-view");
        getChildren().add(canvas);
        ranges.addListener((o, was, now) -> draw());
        setMinSize(160, 160);
        setPrefSize(280, 280);
    }

    public ObjectProperty<List<RangeView>> rangesProperty() {
        return ranges;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Where a token lies on the ring, 0 (minimum token) to 1. */
    static double position(long token) {
        return ((double) token + TOKENS / 2) / TOKENS;
    }

    /** The colour of one range: state, and for done ranges the share of the fullest range's rows. */
    static Color colour(RangeView r, long maxRows) {
        return switch (r.state()) {
            case PENDING -> PENDING;
            case RUNNING -> RUNNING;
            case FAILED -> FAILED;
            case DONE -> DONE_LIGHT.interpolate(DONE_DARK, maxRows <= 0 ? 1 : Math.sqrt((double) r.rows() / maxRows));
        };
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double size = Math.min(w, h) - 16;
        if (size <= 0) {
            return;
        }
        double thickness = Math.max(10, size * 0.14);
        double d = size - thickness;
        double x = (w - d) / 2;
        double y = (h - d) / 2;
        g.setLineCap(javafx.scene.shape.StrokeLineCap.BUTT);
        g.setLineWidth(thickness);
        List<RangeView> list = ranges.get();
        if (list == null || list.isEmpty()) {
            g.setStroke(PENDING);
            g.strokeOval(x, y, d, d);
            return;
        }
        long maxRows = list.stream().filter(r -> r.state() == RangeState.DONE).mapToLong(RangeView::rows).max().orElse(0);
        for (RangeView r : list) {
            double start = position(r.start()) * 360;
            double extent = Math.max(0.3, r.fraction() * 360);
            g.setStroke(colour(r, maxRows));
            // JavaFX arcs start at three o'clock and turn counter-clockwise.
            g.strokeArc(x, y, d, d, 90 - start, -extent, ArcType.OPEN);
        }
    }
}
