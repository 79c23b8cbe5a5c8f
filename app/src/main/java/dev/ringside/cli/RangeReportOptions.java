package dev.ringside.cli;

import dev.ringside.engine.report.RangeReportFile;
import dev.ringside.engine.run.RangeOutcome;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --by-range FILE}, shared by count and export: the per-range results as CSV. */
public final class RangeReportOptions {

    @Option(names = "--by-range", paramLabel = "FILE",
            description = "Also write one CSV line per token range to FILE: bounds, state, rows, bytes (export), "
                    + "the replica that served it, duration, retries and error.")
    Path byRange;

    /** Refuses a file that cannot be written before the job runs, not after. */
    public void check() {
        if (byRange == null) {
            return;
        }
        Path folder = byRange.toAbsolutePath().getParent();
        if (Files.isDirectory(byRange)) {
            throw new IllegalArgumentException("--by-range " + byRange + " is a folder; give it a file name, e.g. "
                    + byRange.resolve("ranges.csv") + ".");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--by-range: the folder " + folder + " does not exist. Create it or "
                    + "choose another file.");
        }
    }

    public boolean wanted() {
        return byRange != null;
    }

    /** Writes the report, whatever the job's outcome (failed ranges are in it with their errors). */
    public void write(List<RangeOutcome> ranges, PrintWriter err) throws IOException {
        if (byRange == null) {
            return;
        }
        RangeReportFile.write(byRange, ranges);
        err.println("Range report: " + ranges.size() + " ranges written to " + byRange);
    }
}
