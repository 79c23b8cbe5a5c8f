package dev.ringside.ui.common;

import dev.ringside.format.ByteSize;

import java.time.Duration;
import java.util.Locale;

/** Numbers, rates and durations as the screens show them. */
public final class Formats {

    private Formats() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    public static String bytes(long bytes) {
        return ByteSize.format(bytes);
    }
}
