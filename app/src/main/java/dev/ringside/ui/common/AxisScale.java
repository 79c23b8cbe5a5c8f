package dev.ringside.ui.common;

/**
 * The bounds and tick step of one live chart axis. They move in whole steps (a round upper bound, a window that
 * advances ten seconds at a time), so most new points leave them as they were: an axis whose bounds change lays out
 * and measures all its tick labels again, and with the charts' auto-ranging that was a large part of the FX
 * thread's work on every update of a running job.
 */
public record AxisScale(double lower, double upper, double tick) {

    /** Round upper bounds within each power of ten, each with a tick step giving four to six ticks. */
    private static final double[][] STEPS = {{1, 0.2}, {1.5, 0.3}, {2, 0.4}, {3, 0.5}, {4, 1}, {5, 1}, {6, 1}, {8, 2}, {10, 2}};

    /** From 0 to the first round number at or above {@code max} (1 when there is nothing to show yet). */
    public static AxisScale fromZero(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return new AxisScale(0, 1, 0.2);
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double[] step : STEPS) {
            // The small tolerance keeps an exact round number (1,000,000) from rounding up to the next step.
            if (step[0] * power >= max * (1 - 1e-12)) {
                return new AxisScale(0, step[0] * power, step[1] * power);
            }
        }
        return new AxisScale(0, 10 * power, 2 * power);
    }

    /**
     * The last {@code width} seconds up to {@code t}, its end rounded up to a whole {@code step}: the window moves
     * once every step, not with every point.
     */
    public static AxisScale window(double t, double width, double step) {
        double upper = Math.max(width, Math.ceil(t / step) * step);
        return new AxisScale(upper - width, upper, step);
    }
}
