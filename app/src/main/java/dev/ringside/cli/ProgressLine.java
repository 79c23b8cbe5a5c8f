package dev.ringside.cli;

import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.format.ByteSize;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress line on stderr: redrawn in place on a terminal, one line every few seconds otherwise (logs, pipes).
 */
public final class ProgressLine implements ProgressListener {

    private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private long lastPlain;
    private int lastLength;

    public ProgressLine(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void onProgress(ProgressSnapshot s) {
        if (quiet) {
            return;
        }
        String line = format(s);
        if (terminal) {
            String padded = line + " ".repeat(Math.max(0, lastLength - line.length()));
            err.print("\r" + padded);
            lastLength = line.length();
            if (s.finished()) {
                err.println();
            }
            err.flush();
        } else {
            long now = System.nanoTime();
            if (s.finished() || now - lastPlain >= PLAIN_INTERVAL_NANOS) {
                lastPlain = now;
                err.println(line);
                err.flush();
            }
        }
    }

    static String format(ProgressSnapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%5.1f%%  %,d rows  %,.0f rows/s  ranges %d/%d", s.percentDone(), s.rows(),
                s.rowsPerSecond(), s.rangesDone(), s.rangesTotal()));
        if (s.rangesFailed() > 0) {
            sb.append(" (").append(s.rangesFailed()).append(" failed)");
        }
        if (s.bytesWritten() > 0) {
            sb.append("  ").append(ByteSize.format(s.bytesWritten()));
        }
        sb.append("  ").append(s.finished() ? "elapsed " + Durations.format(s.elapsed())
                : "ETA " + s.etaIfKnown().map(Durations::format).orElse("--:--"));
        return sb.toString();
    }
}
