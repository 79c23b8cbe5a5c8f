package dev.ringside.sink;

import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Writes CQL values as JSON: numbers exact (decimal and varint never pass through double), collections as arrays,
 * maps and UDTs as objects, tuples as arrays, blobs as base64, the rest as {@link CqlText} strings.
 * NaN and infinities, which JSON cannot hold as numbers, are the strings "NaN", "Infinity", "-Infinity".
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * The factory of every generator that writes exported values: characters beyond the BMP as their four UTF-8
     * bytes, not as escaped surrogate pairs (the UTF-8 generator's default); doubles and floats as the shortest text
     * that reads back ({@link CqlText#shortest}).
     */
    public static JsonFactory factory() {
        return JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    }

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
            g.writeString(Base64.getEncoder().encodeToString(CqlText.bytes(b)));
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
            String text = CqlText.scalar(value);
            g.writeString(text != null ? text : value.toString());
        }
    }

    /** Map keys become object keys: scalars in their text form, collections/UDTs/tuples as compact JSON text. */
    private static String keyText(Object key) throws IOException {
        String text = CqlText.scalar(key);
        if (text != null) {
            return text;
        }
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = factory().createGenerator(w)) {
            write(g, key);
        }
        return w.toString();
    }
}
