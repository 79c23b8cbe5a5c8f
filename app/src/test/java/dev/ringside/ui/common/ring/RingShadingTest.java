package dev.ringside.ui.common.ring;

import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class RingShadingTest {

    private static final long Q = Long.MIN_VALUE / 2;

    private static RangeView r(int id, long start, long end, RangeState state, long rows) {
        return new RangeView(id, start, end, ((double) end - start) / Math.pow(2, 64), state, rows, "");
    }

    @Test
    void rangesHoldingTheirShareLookTheSameWhateverTheirSize() {
        // A quarter with 250 rows and a half with 500: the same density, the middle shade.
        RangeView quarter = r(0, Long.MIN_VALUE, Q, RangeState.DONE, 250);
        RangeView half = r(1, Q, -Q, RangeState.DONE, 500);
        RingShading s = RingShading.of(List.of(quarter, half));
        assertThat(s.shade(quarter)).isCloseTo(0.5, offset(1e-9));
        assertThat(s.shade(half)).isCloseTo(0.5, offset(1e-9));
    }

    @Test
    void denserIsDarkerOnALogScaleClampedAtFourTimesTheMean() {
        List<RangeView> ring = List.of(
                r(0, Long.MIN_VALUE, Q, RangeState.DONE, 100),
                r(1, Q, 0, RangeState.DONE, 200),
                r(2, 0, -Q, RangeState.DONE, 400),
                r(3, -Q, Long.MAX_VALUE, RangeState.DONE, 1_900),
                r(4, Long.MAX_VALUE - 10, Long.MAX_VALUE, RangeState.RUNNING, 0));
        RingShading s = RingShading.of(ring);
        // Mean: 2,600 rows over the ring, 650 a quarter.
        double d0 = s.shade(ring.get(0));
        double d1 = s.shade(ring.get(1));
        double d2 = s.shade(ring.get(2));
        double d3 = s.shade(ring.get(3));
        assertThat(d0).isLessThan(d1);
        assertThat(d1).isLessThan(d2);
        assertThat(d2).isLessThan(d3);
        // Twice as dense is half a step of the log scale towards 4x: 0.5 + 0.25.
        assertThat(d1 + 0.25).isCloseTo(s.shade(r(9, 0, -Q, RangeState.DONE, 400)), offset(1e-9));
        assertThat(s.relative(ring.get(1))).isCloseTo(200 / 650.0, offset(1e-9));
        assertThat(s.shade(r(8, Q, 0, RangeState.DONE, 650 * 4))).isCloseTo(1.0, offset(1e-9));
        assertThat(s.shade(r(8, Q, 0, RangeState.DONE, 650 * 40))).isEqualTo(1.0);
        assertThat(s.shade(r(8, Q, 0, RangeState.DONE, 650 / 4))).isCloseTo(0.0, offset(0.01));
        assertThat(s.shade(r(8, Q, 0, RangeState.DONE, 0))).isZero();
    }

    @Test
    void beforeAnyRowsEveryDoneArcIsTheMiddleShade() {
        RingShading s = RingShading.of(List.of(r(0, Long.MIN_VALUE, Q, RangeState.DONE, 0), r(1, Q, 0, RangeState.PENDING, 0)));
        assertThat(s.shade(r(0, Long.MIN_VALUE, Q, RangeState.DONE, 0))).isEqualTo(0.5);
    }
}
