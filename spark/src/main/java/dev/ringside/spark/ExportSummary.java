package dev.ringside.spark;

/** What an export wrote: rows counted as the tasks wrote them, the splits read, the write tasks, the output URL. */
public record ExportSummary(long rows, int splits, int tasks, String url) {
}
