package dev.ringside.app.history;

/**
 * How a past job ended.
 *
 * @param detail a line for the user: the count, the failed ranges, the error
 */
public record JobOutcome(JobState state, long rows, double seconds, double rowsPerSecond, String detail) {

    public static JobOutcome failed(String detail) {
        return new JobOutcome(JobState.FAILED, 0, 0, 0, detail);
    }
}
