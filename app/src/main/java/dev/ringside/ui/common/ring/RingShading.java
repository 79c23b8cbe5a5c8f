package dev.ringside.ui.common.ring;

import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;

import java.util.List;

/**
 * How dark a finished arc is: by its rows per token of span, compared with the whole ring's (so a small range and a
 * big one holding their fair share look the same). On a log scale around the mean: as dense as the mean is the
 * middle (0.5), four times denser or more the darkest (1), a quarter or less (or empty) the lightest (0). Skew shows
 * at a glance and one outlier does not wash out the rest.
 */
public final class RingShading {

    /** Densities this many times the mean (or its inverse) reach the ends of the scale. */
    static final double SPREAD = 4;

    private final double meanDensity;

    private RingShading(double meanDensity) {
        this.meanDensity = meanDensity;
    }

    public static RingShading of(List<RangeView> ranges) {
        double rows = 0;
        double tokens = 0;
        for (RangeView r : ranges) {
            if (r.state() == RangeState.DONE) {
                rows += r.rows();
                tokens += (double) r.end() - (double) r.start();
            }
        }
        return new RingShading(tokens > 0 ? rows / tokens : 0);
    }

    /** 0 (lightest) to 1 (darkest) for a finished range; 0.5 when nothing finished has rows yet. */
    public double shade(RangeView r) {
        if (meanDensity <= 0) {
            return 0.5;
        }
        double density = r.rowsPerToken();
        if (density <= 0) {
            return 0;
        }
        double scaled = Math.log(density / meanDensity) / Math.log(SPREAD);
        return Math.max(0, Math.min(1, 0.5 + scaled / 2));
    }

    /** Times the ring's mean density, for tooltips and the ranges table. */
    public double relative(RangeView r) {
        return meanDensity > 0 ? r.rowsPerToken() / meanDensity : 0;
    }
}
