package dev.ringside.ui.common;

import dev.ringside.format.ByteSize;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers, rates, durations and times as the screens show them, in the user's locale (grouping, decimal mark, date
 * order) and local time zone. Files and the CLI's {@code --json} never go through here.
 */
public final class Formats {

    private static final Texts TEXTS = Texts.load("dev.ringside.ui.common.common");

    private Formats() {
    }

    private static Locale locale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }

    public static String count(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    public static String rate(double rowsPerSecond) {
        return TEXTS.get("format.rate", count(Math.round(rowsPerSecond)));
    }

    public static String duration(Duration d) {
        if (d == null) {
            return TEXTS.get("format.none");
        }
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return TEXTS.get("format.seconds", Long.toString(s));
        }
        if (s < 3600) {
            return TEXTS.get("format.minutes", Long.toString(s / 60), String.format(Locale.ROOT, "%02d", s % 60));
        }
        return TEXTS.get("format.hours", Long.toString(s / 3600), String.format(Locale.ROOT, "%02d", (s % 3600) / 60));
    }

    /** Seconds with one decimal: {@code 12.3 s}. */
    public static String seconds(double seconds) {
        return TEXTS.get("format.decimalSeconds", oneDecimal(seconds));
    }

    /** A percentage's number with one decimal, without the sign: {@code 42.5}. */
    public static String percent(double percent) {
        return oneDecimal(percent);
    }

    private static String oneDecimal(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    public static String bytes(long bytes) {
        return ByteSize.format(bytes);
    }

    /** A moment in local time, as the user's locale writes a date and time (no zone letter). */
    public static String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(ZoneId.systemDefault()).format(instant);
    }
}
