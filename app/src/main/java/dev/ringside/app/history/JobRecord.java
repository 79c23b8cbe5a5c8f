package dev.ringside.app.history;

import java.time.Instant;

/**
 * One past count or export, as kept in {@code history.json}: what ran, when, and how it ended.
 *
 * @param startedAt ISO-8601 instant (text, as the first format wrote it)
 */
public record JobRecord(JobSpec job, String startedAt, JobOutcome outcome) {

    public JobRecord(JobSpec job, Instant startedAt, JobOutcome outcome) {
        this(job, startedAt.toString(), outcome);
    }

    /** When it started. */
    public Instant started() {
        return Instant.parse(startedAt);
    }
}
