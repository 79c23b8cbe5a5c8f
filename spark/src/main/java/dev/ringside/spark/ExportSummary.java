package dev.ringside.spark;

/** What an export wrote: rows counted as the committed tasks wrote them, the splits read, the output URL. */
public record ExportSummary(long rows, int splits, String url) {
}
