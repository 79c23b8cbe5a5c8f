package dev.ringside.ui.common.ring;

import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class RingGeometryTest {

    private static final RingGeometry BOX = new RingGeometry(300, 300);

    private static List<RangeView> ring(int parts) {
        List<RangeView> list = new ArrayList<>();
        List<TokenRange> split = TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE).split(parts);
        for (int i = 0; i < split.size(); i++) {
            TokenRange r = split.get(i);
            list.add(new RangeView(i, r.start(), r.end(), r.ringFraction(), RangeState.DONE, i, ""));
        }
        return list;
    }

    /** The point at {@code turn} (0..1 clockwise from twelve o'clock) in the middle of the band. */
    private static double[] at(double turn) {
        double radius = BOX.diameter() / 2;
        double a = turn * 2 * Math.PI;
        return new double[] {BOX.centerX() + radius * Math.sin(a), BOX.centerY() - radius * Math.cos(a)};
    }

    @Test
    void positionsGoClockwiseFromTwelveOClock() {
        assertThat(RingGeometry.position(Long.MIN_VALUE)).isZero();
        assertThat(RingGeometry.position(0)).isEqualTo(0.5);
        double[] top = at(0.001);
        double[] right = at(0.25);
        double[] bottom = at(0.5);
        double[] left = at(0.75);
        assertThat(BOX.positionAt(top[0], top[1]).getAsDouble()).isCloseTo(0.001, offset(1e-9));
        assertThat(BOX.positionAt(right[0], right[1]).getAsDouble()).isCloseTo(0.25, offset(1e-9));
        assertThat(BOX.positionAt(bottom[0], bottom[1]).getAsDouble()).isCloseTo(0.5, offset(1e-9));
        assertThat(BOX.positionAt(left[0], left[1]).getAsDouble()).isCloseTo(0.75, offset(1e-9));
    }

    @Test
    void theCentreAndTheCornersAreNotOnTheRing() {
        assertThat(BOX.positionAt(150, 150)).isEmpty();
        assertThat(BOX.positionAt(1, 1)).isEmpty();
        assertThat(BOX.rangeAt(ring(8), 150, 150)).isEmpty();
    }

    @Test
    void everyRangeIsFoundAtTheMiddleOfItsArc() {
        List<RangeView> ranges = ring(97);
        for (RangeView r : ranges) {
            double[] p = at(RingGeometry.position(r.start()) + r.fraction() / 2);
            assertThat(BOX.rangeAt(ranges, p[0], p[1])).map(RangeView::id).contains(r.id());
        }
    }

    @Test
    void nearABoundaryEachSideIsItsOwnRange() {
        List<RangeView> ranges = ring(4);
        assertThat(RingGeometry.rangeAt(ranges, 0.2499)).map(RangeView::id).contains(0);
        assertThat(RingGeometry.rangeAt(ranges, 0.2501)).map(RangeView::id).contains(1);
        assertThat(RingGeometry.rangeAt(ranges, 0.9999)).map(RangeView::id).contains(3);
    }

    @Test
    void aGapInTheRingHitsNothingAndAThinArcIsWidenedAsDrawn() {
        // A job clipped to two small ranges: the rest of the ring shows no arc.
        long tiny = 1_000;
        List<RangeView> ranges = List.of(
                new RangeView(0, Long.MIN_VALUE, Long.MIN_VALUE + tiny, tiny / Math.pow(2, 64), RangeState.DONE, 1, ""),
                new RangeView(1, 0, Long.MAX_VALUE / 2, 0.25, RangeState.DONE, 1, ""));
        assertThat(RingGeometry.rangeAt(ranges, 0.3)).isEmpty();
        assertThat(RingGeometry.rangeAt(ranges, 0.6)).map(RangeView::id).contains(1);
        assertThat(RingGeometry.rangeAt(ranges, 0.2 / 360)).as("within the drawn 0.3 degrees").map(RangeView::id).contains(0);
        assertThat(RingGeometry.rangeAt(ranges, 1.0 / 360)).isEqualTo(Optional.empty());
    }
}
