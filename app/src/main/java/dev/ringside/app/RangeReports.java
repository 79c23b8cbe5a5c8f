package dev.ringside.app;

import dev.ringside.engine.report.RangeReportFile;
import dev.ringside.engine.run.RangeOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves a finished job's per-range results as CSV, the same file as the command line's {@code --by-range}. Blocks:
 * the screens call it through their task runner, off the UI thread.
 */
public class RangeReports {

    public void save(Path file, List<RangeOutcome> ranges) throws IOException {
        RangeReportFile.write(file, ranges);
    }
}
