package dev.ringside.ui.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** The screens' numbers and times follow the user's locale and time zone. */
class FormatsTest {

    @Test
    void numbersFollowTheLocale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.US);
            assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
            assertThat(Formats.seconds(12.345)).isEqualTo("12.3 s");
            assertThat(Formats.rate(6_172.5)).isEqualTo("6,173 rows/s");
            Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
            assertThat(Formats.count(1_234_567)).isEqualTo("1.234.567");
            assertThat(Formats.seconds(12.345)).isEqualTo("12,3 s");
            assertThat(Formats.percent(42.25)).isEqualTo("42,2");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void durationsInSecondsMinutesAndHours() {
        assertThat(Formats.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Formats.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
        assertThat(Formats.duration(Duration.ofMinutes(185))).isEqualTo("3 h 05 min");
        assertThat(Formats.duration(null)).isEqualTo("–");
    }

    @Test
    void timesAreLocalWithoutAZoneLetter() {
        TimeZone before = TimeZone.getDefault();
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
            assertThat(Formats.dateTime(Instant.parse("2026-12-03T11:30:05Z"))).isEqualTo("3 Dec 2026, 20:30:05");
        } finally {
            TimeZone.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, locale);
        }
    }
}
