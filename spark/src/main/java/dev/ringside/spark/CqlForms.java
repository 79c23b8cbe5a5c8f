package dev.ringside.spark;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The text and JSON forms of docs/type-mapping.md, written from the driver's Java values (the connector's own
 * conversions lose a decimal's scale, a varint's digits and a set's order, so the job never uses them).
 */
public final class CqlForms {

    /** ISO-8601 UTC with exactly three fraction digits: 2024-01-02T03:04:05.678Z. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Time of day with nanoseconds: 13:45:00.000000001. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.nnnnnnnnn");
    private static final HexFormat HEX = HexFormat.of();
    /**
     * JSON as Ringside's export writes it: doubles and floats as the shortest text that reads back (Schubfach), not
     * Java 17's {@code Double.toString}, which is longer for some values and wrong for 1.0E23.
     */
    static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private CqlForms() {
    }

    /** A CSV cell: scalars as text, collections, UDTs, tuples and vectors as their JSON text; null stays null. */
    public static String csvCell(Object value) {
        if (value == null) {
            return null;
        }
        String scalar = scalar(value);
        return scalar != null ? scalar : json(value);
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
            return "0x" + HEX.formatHex(bytes(b));
        }
        if (value instanceof InetAddress a) {
            return a.getHostAddress();
        }
        if (value instanceof Double d) {
            return NumberOutput.toString(d, true);
        }
        if (value instanceof Float f) {
            return NumberOutput.toString(f, true);
        }
        if (value instanceof CqlDuration || value instanceof Number || value instanceof Boolean || value instanceof UUID) {
            return value.toString();
        }
        return null;
    }

    /** Compact JSON text of one value. */
    public static String json(Object value) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Writes a value as JSON: numbers exact (decimal and varint never through a double), collections and tuples as
     * arrays, maps and UDTs as objects, blobs as base64, NaN and infinities as strings, the rest as their text.
     */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d.toString());
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeString(d.toString());
            } else {
                g.writeNumber(d);
            }
        } else if (value instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                g.writeString(f.toString());
            } else {
                g.writeNumber(f);
            }
        } else if (value instanceof ByteBuffer b) {
            g.writeString(Base64.getEncoder().encodeToString(bytes(b)));
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object e : c) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (value instanceof CqlVector<?> v) {
            g.writeStartArray();
            for (Object e : v) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(keyText(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof UdtValue u) {
            UserDefinedType type = u.getType();
            g.writeStartObject();
            for (int i = 0; i < u.size(); i++) {
                g.writeFieldName(type.getFieldNames().get(i).asInternal());
                write(g, u.getObject(i));
            }
            g.writeEndObject();
        } else if (value instanceof TupleValue t) {
            g.writeStartArray();
            for (int i = 0; i < t.size(); i++) {
                write(g, t.getObject(i));
            }
            g.writeEndArray();
        } else {
            String text = scalar(value);
            g.writeString(text != null ? text : value.toString());
        }
    }

    /** Map keys become object keys: scalars in their text form, collections, UDTs and tuples as compact JSON text. */
    private static String keyText(Object key) {
        String text = scalar(key);
        return text != null ? text : json(key);
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }
}
