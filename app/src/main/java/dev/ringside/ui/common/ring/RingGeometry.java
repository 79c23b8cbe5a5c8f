package dev.ringside.ui.common.ring;

import dev.ringside.engine.progress.RangeView;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the ring lies in a box of the given size, and which range a point of it shows: the ring is drawn clockwise
 * from the lowest token at twelve o'clock, one arc per range. Plain arithmetic, so drawing and hit-testing agree and
 * both are tested without a screen.
 */
public record RingGeometry(double width, double height) {

    private static final double TOKENS = Math.pow(2, 64);
    /** Arcs thinner than this many degrees are drawn this wide, to stay visible. */
    public static final double MIN_EXTENT = 0.3;

    public double size() {
        return Math.min(width, height) - 16;
    }

    /** Width of the ring's band. */
    public double thickness() {
        return Math.max(10, size() * 0.14);
    }

    /** Diameter of the circle through the middle of the band. */
    public double diameter() {
        return size() - thickness();
    }

    public double centerX() {
        return width / 2;
    }

    public double centerY() {
        return height / 2;
    }

    /** Where a token lies on the ring, 0 (minimum token) to 1. */
    public static double position(long token) {
        return ((double) token + TOKENS / 2) / TOKENS;
    }

    /** The point's place on the ring, 0..1 clockwise from twelve o'clock, if it lies on the ring's band. */
    public OptionalDouble positionAt(double x, double y) {
        if (size() <= 0) {
            return OptionalDouble.empty();
        }
        double dx = x - centerX();
        double dy = y - centerY();
        double distance = Math.hypot(dx, dy);
        double half = thickness() / 2;
        double radius = diameter() / 2;
        if (distance < radius - half || distance > radius + half) {
            return OptionalDouble.empty();
        }
        // atan2 with x and y swapped and y flipped: 0 at twelve o'clock, growing clockwise.
        double angle = Math.atan2(dx, -dy);
        double turn = angle / (2 * Math.PI);
        return OptionalDouble.of(turn < 0 ? turn + 1 : turn);
    }

    /** The range drawn at the point, if any; {@code ranges} in token order, as the engine gives them. */
    public Optional<RangeView> rangeAt(List<RangeView> ranges, double x, double y) {
        OptionalDouble position = positionAt(x, y);
        if (position.isEmpty() || ranges.isEmpty()) {
            return Optional.empty();
        }
        return rangeAt(ranges, position.getAsDouble());
    }

    /** The range whose arc covers {@code position} (0..1), including the widened part of a very thin arc. */
    static Optional<RangeView> rangeAt(List<RangeView> ranges, double position) {
        int lo = 0;
        int hi = ranges.size() - 1;
        // Last range whose start lies at or before the position.
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (position(ranges.get(mid).start()) <= position) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        RangeView r = ranges.get(found);
        double start = position(r.start());
        double extent = Math.max(MIN_EXTENT / 360, r.fraction());
        return position <= start + extent ? Optional.of(r) : Optional.empty();
    }
}
