package dev.ringside.sink;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.fasterxml.jackson.core.io.NumberOutput;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Lossless text forms of CQL scalar values, shared by CSV (every scalar) and JSON (those JSON has no type for).
 * See docs/type-mapping.md.
 */
public final class CqlText {

    /** ISO-8601 UTC with exactly three fraction digits: 2024-01-02T03:04:05.678Z. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Time of day with nanoseconds: 13:45:00.000000001. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.nnnnnnnnn");
    private static final HexFormat HEX = HexFormat.of();

    private CqlText() {
    }

    /** The text of a scalar value, or {@code null} for values that are not scalars. */
    public static String scalar(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Instant i) {
            return TIMESTAMP.format(i);
        }
        if (value instanceof LocalTime t) {
            return TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof ByteBuffer b) {
            return "0x" + hex(b);
        }
        if (value instanceof InetAddress a) {
            return a.getHostAddress();
        }
        if (value instanceof Double d) {
            return shortest(d);
        }
        if (value instanceof Float f) {
            return shortest(f);
        }
        if (value instanceof CqlDuration || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.UUID) {
            return value.toString();
        }
        return null;
    }

    /**
     * The shortest text that reads back to the same double (Schubfach, as Java 19's {@code Double.toString}); Java
     * 17's own can be longer or even round differently (9.999999999999999E22 for 1.0E23).
     */
    public static String shortest(double d) {
        return NumberOutput.toString(d, true);
    }

    /** The shortest text that reads back to the same float. */
    public static String shortest(float f) {
        return NumberOutput.toString(f, true);
    }

    public static String hex(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return HEX.formatHex(bytes);
    }

    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }
}
