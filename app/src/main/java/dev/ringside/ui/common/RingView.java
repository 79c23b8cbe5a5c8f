package dev.ringside.ui.common;

import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import dev.ringside.ui.common.ring.RingGeometry;
import dev.ringside.ui.common.ring.RingShading;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The token ring as a circle: each planned range an arc, clockwise from the minimum token at twelve o'clock. States
 * show by colour and by pattern, so they do not rely on colour vision: pending plain and pale, running with a dashed
 * outline, failed hatched, done shaded by rows per token of its span (darker: denser; see {@link RingShading}).
 * Hovering shows an arc's tokens, rows, replica, duration and state; a click selects it ({@link #selectedIdProperty}),
 * and the selected arc is outlined. Colours come from the stylesheet ({@code -ring-*} properties of
 * {@code .ring-view}, set from the theme's colours), so they follow the light and dark themes.
 */
public final class RingView extends Region {

    private final Texts texts = Texts.load("dev.ringside.ui.common.common");
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<List<RangeView>> ranges = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty selectedId = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<RangeView> hovered = new ReadOnlyObjectWrapper<>();
    private final Tooltip tooltip = new Tooltip(texts.get("ring.tooltip"));

    private final StyleableObjectProperty<Paint> pending = colour(Styles.PENDING);
    private final StyleableObjectProperty<Paint> running = colour(Styles.RUNNING);
    private final StyleableObjectProperty<Paint> failed = colour(Styles.FAILED);
    private final StyleableObjectProperty<Paint> doneLow = colour(Styles.DONE_LOW);
    private final StyleableObjectProperty<Paint> doneHigh = colour(Styles.DONE_HIGH);
    private final StyleableObjectProperty<Paint> mark = colour(Styles.MARK);

    public RingView() {
        getStyleClass().add("ring-view");
        getChildren().add(canvas);
        ranges.addListener((o, was, now) -> {
            draw();
            refreshHovered();
        });
        selectedId.addListener((o, was, now) -> draw());
        for (StyleableObjectProperty<Paint> p : List.of(pending, running, failed, doneLow, doneHigh, mark)) {
            p.addListener((o, was, now) -> draw());
        }
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        Tooltip.install(this, tooltip);
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> hovered.set(null));
        setOnMouseClicked(e -> rangeAt(e.getX(), e.getY()).ifPresent(r -> selectedId.set(r.id())));
        hovered.addListener((o, was, now) -> tooltip.setText(now == null ? texts.get("ring.tooltip") : describe(now)));
        setMinSize(160, 160);
        setPrefSize(280, 280);
    }

    public ObjectProperty<List<RangeView>> rangesProperty() {
        return ranges;
    }

    /** The id of the selected range, or -1. */
    public IntegerProperty selectedIdProperty() {
        return selectedId;
    }

    /** The range under the mouse, or null. */
    public ReadOnlyObjectProperty<RangeView> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public Tooltip tooltip() {
        return tooltip;
    }

    /** The colour of the densest finished arcs, as the stylesheet set it (tests check it follows the theme). */
    public Color doneHighColour() {
        return paint(doneHigh);
    }

    /** Where the middle of the range's arc is drawn, in this view's coordinates (tests point the mouse there). */
    public javafx.geometry.Point2D centreOf(RangeView r) {
        RingGeometry g = geometry();
        double turn = RingGeometry.position(r.start()) + Math.max(RingGeometry.MIN_EXTENT / 360, r.fraction()) / 2;
        double angle = turn * 2 * Math.PI;
        double radius = g.diameter() / 2;
        return new javafx.geometry.Point2D(g.centerX() + radius * Math.sin(angle), g.centerY() - radius * Math.cos(angle));
    }

    private RingGeometry geometry() {
        return new RingGeometry(getWidth(), getHeight());
    }

    private Optional<RangeView> rangeAt(double x, double y) {
        List<RangeView> list = ranges.get();
        return list == null ? Optional.empty() : geometry().rangeAt(list, x, y);
    }

    private void hover(double x, double y) {
        hovered.set(rangeAt(x, y).orElse(null));
    }

    /** A new snapshot: the hovered range's figures move on, so its tooltip follows. */
    private void refreshHovered() {
        RangeView h = hovered.get();
        if (h != null) {
            hovered.set(ranges.get().stream().filter(r -> r.id() == h.id()).findFirst().orElse(null));
        }
    }

    String describe(RangeView r) {
        return texts.get("ring.arc", Long.toString(r.start()), Long.toString(r.end()), Formats.count(r.rows()),
                r.node().isEmpty() ? texts.get("format.none") : r.node(), Formats.seconds(r.duration().toNanos() / 1e9),
                texts.get("ring.state." + r.state().name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private Color paint(StyleableObjectProperty<Paint> p) {
        return p.get() instanceof Color c ? c : Color.GRAY;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        RingGeometry ring = geometry();
        if (ring.size() <= 0) {
            return;
        }
        double thickness = ring.thickness();
        double d = ring.diameter();
        double x = (w - d) / 2;
        double y = (h - d) / 2;
        g.setLineCap(StrokeLineCap.BUTT);
        List<RangeView> list = ranges.get();
        if (list == null || list.isEmpty()) {
            g.setLineWidth(thickness);
            g.setStroke(paint(pending));
            g.strokeOval(x, y, d, d);
            return;
        }
        RingShading shading = RingShading.of(list);
        RangeView selected = null;
        for (RangeView r : list) {
            double start = RingGeometry.position(r.start()) * 360;
            double extent = Math.max(RingGeometry.MIN_EXTENT, r.fraction() * 360);
            // JavaFX arcs start at three o'clock and turn counter-clockwise.
            double from = 90 - start;
            g.setLineDashes();
            g.setLineWidth(thickness);
            g.setStroke(fill(r, shading));
            g.strokeArc(x, y, d, d, from, -extent, ArcType.OPEN);
            if (r.state() == RangeState.FAILED) {
                hatch(g, ring, start, extent);
            } else if (r.state() == RangeState.RUNNING) {
                outline(g, x, y, d, thickness, from, -extent, paint(mark), new double[] {4, 3}, 1.5);
            }
            if (r.id() == selectedId.get()) {
                selected = r;
            }
        }
        if (selected != null) {
            double start = RingGeometry.position(selected.start()) * 360;
            double extent = Math.max(2, selected.fraction() * 360);
            outline(g, x, y, d, thickness, 90 - start, -extent, paint(mark), null, 3);
        }
    }

    private Color fill(RangeView r, RingShading shading) {
        return switch (r.state()) {
            case PENDING -> paint(pending);
            case RUNNING -> paint(running);
            case FAILED -> paint(failed);
            case DONE -> paint(doneLow).interpolate(paint(doneHigh), shading.shade(r));
        };
    }

    /** Lines across the band every few degrees: "failed" without colour. */
    private void hatch(GraphicsContext g, RingGeometry ring, double startDegrees, double extent) {
        g.setLineDashes();
        g.setLineWidth(1.2);
        g.setStroke(paint(mark));
        double inner = ring.diameter() / 2 - ring.thickness() / 2;
        double outer = ring.diameter() / 2 + ring.thickness() / 2;
        for (double a = startDegrees + 1.5; a < startDegrees + extent; a += 4) {
            double rad = Math.toRadians(a);
            double tilt = Math.toRadians(a + 3);
            g.strokeLine(ring.centerX() + inner * Math.sin(rad), ring.centerY() - inner * Math.cos(rad),
                    ring.centerX() + outer * Math.sin(tilt), ring.centerY() - outer * Math.cos(tilt));
        }
        if (extent < 4) {
            double rad = Math.toRadians(startDegrees + extent / 2);
            g.strokeLine(ring.centerX() + inner * Math.sin(rad), ring.centerY() - inner * Math.cos(rad),
                    ring.centerX() + outer * Math.sin(rad), ring.centerY() - outer * Math.cos(rad));
        }
    }

    /** The inner and outer edges of an arc's band. */
    private static void outline(GraphicsContext g, double x, double y, double d, double thickness, double from,
                                double extent, Color colour, double[] dashes, double width) {
        g.setLineWidth(width);
        g.setStroke(colour);
        if (dashes == null) {
            g.setLineDashes();
        } else {
            g.setLineDashes(dashes);
        }
        double half = thickness / 2 - width / 2;
        g.strokeArc(x - half, y - half, d + 2 * half, d + 2 * half, from, extent, ArcType.OPEN);
        g.strokeArc(x + half, y + half, d - 2 * half, d - 2 * half, from, extent, ArcType.OPEN);
        g.setLineDashes();
    }

    /** A small picture of one state's pattern, for the legend. */
    public Canvas swatch(RangeState state) {
        Canvas c = new Canvas(16, 12);
        Runnable paint = () -> {
            GraphicsContext g = c.getGraphicsContext2D();
            g.clearRect(0, 0, 16, 12);
            RangeView sample = new RangeView(0, 0, 1, 0, state, 1, "");
            g.setFill(state == RangeState.DONE ? paint(doneHigh) : fill(sample, RingShading.of(List.of())));
            g.fillRect(0, 0, 16, 12);
            g.setStroke(paint(mark));
            if (state == RangeState.FAILED) {
                g.setLineWidth(1.2);
                for (int i = -12; i < 16; i += 4) {
                    g.strokeLine(i, 12, i + 12, 0);
                }
            } else if (state == RangeState.RUNNING) {
                g.setLineWidth(1.5);
                g.setLineDashes(3, 2);
                g.strokeRect(0.75, 0.75, 14.5, 10.5);
            } else if (state == RangeState.DONE) {
                g.setFill(paint(doneLow));
                g.fillRect(0, 0, 8, 12);
            }
        };
        paint.run();
        for (StyleableObjectProperty<Paint> p : List.of(pending, running, failed, doneLow, doneHigh, mark)) {
            p.addListener((o, was, now) -> paint.run());
        }
        return c;
    }

    private StyleableObjectProperty<Paint> colour(CssMetaData<RingView, Paint> meta) {
        return new SimpleStyleableObjectProperty<>(meta, this, meta.getProperty(), meta.getInitialValue(this));
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return Styles.ALL;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return Styles.ALL;
    }

    /** The stylesheet's {@code -ring-*} colours; the defaults are the light theme's. */
    private static final class Styles {
        static final CssMetaData<RingView, Paint> PENDING = meta("-ring-pending", "#c8ccd2", v -> v.pending);
        static final CssMetaData<RingView, Paint> RUNNING = meta("-ring-running", "#2f81f7", v -> v.running);
        static final CssMetaData<RingView, Paint> FAILED = meta("-ring-failed", "#d1242f", v -> v.failed);
        static final CssMetaData<RingView, Paint> DONE_LOW = meta("-ring-done-low", "#d3f0dc", v -> v.doneLow);
        static final CssMetaData<RingView, Paint> DONE_HIGH = meta("-ring-done-high", "#116329", v -> v.doneHigh);
        static final CssMetaData<RingView, Paint> MARK = meta("-ring-mark", "#1f2328", v -> v.mark);
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
            all.addAll(List.of(PENDING, RUNNING, FAILED, DONE_LOW, DONE_HIGH, MARK));
            ALL = Collections.unmodifiableList(all);
        }

        private static CssMetaData<RingView, Paint> meta(String name, String initial,
                                                         Function<RingView, StyleableObjectProperty<Paint>> property) {
            return new CssMetaData<>(name, PaintConverter.getInstance(), Color.web(initial)) {
                @Override
                public boolean isSettable(RingView view) {
                    return !property.apply(view).isBound();
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Paint> getStyleableProperty(RingView view) {
                    return property.apply(view);
                }
            };
        }
    }
}
