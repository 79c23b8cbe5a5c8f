package dev.ringside.engine.export;

import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.RangeOutcome;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The end of an export. Complete means every range is written and the files carry their final names; otherwise the
 * output stays under {@code .partial} names beside a checkpoint that a resume finishes.
 *
 * @param table      the exported table
 * @param rows       rows in the output (resumed runs included)
 * @param bytes      bytes in the output files
 * @param files      final files when complete, partial files otherwise
 * @param ranges     per-range outcomes
 * @param elapsed    time of this run
 * @param cancelled  whether the user cancelled
 * @param error      a failure outside the ranges (a writer failed: disk full…), or {@code null}
 * @param checkpoint the checkpoint left for a resume, or {@code null} when complete
 * @param partlyPublished whether some files already have their final names and others do not (giving them their
 *                   names failed, and so did taking the names back): a resume finishes the publication
 */
public record ExportResult(TableInfo table, long rows, long bytes, List<Path> files, List<RangeOutcome> ranges,
                           int parallelism, Duration elapsed, boolean cancelled, String error, Path checkpoint,
                           boolean partlyPublished) {

    public ExportResult {
        files = List.copyOf(files);
        ranges = List.copyOf(ranges);
    }

    public ExportResult(TableInfo table, long rows, long bytes, List<Path> files, List<RangeOutcome> ranges,
                        int parallelism, Duration elapsed, boolean cancelled, String error, Path checkpoint) {
        this(table, rows, bytes, files, ranges, parallelism, elapsed, cancelled, error, checkpoint, false);
    }

    public boolean complete() {
        return !cancelled && error == null && ranges.stream().allMatch(r -> r.state() == RangeState.DONE);
    }

    public List<RangeOutcome> failedRanges() {
        return ranges.stream().filter(r -> r.state() == RangeState.FAILED).toList();
    }

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double rowsPerSecond() {
        double s = seconds();
        return s > 0 ? rows / s : 0;
    }
}
