package dev.ringside.sink.text;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The JSON form of values (as {@code JsonValues} writes the driver's decoded values) written straight from the bytes
 * Cassandra sent, for the scalars that need no decoding (text, integers, booleans, the ISO-text types) and for lists
 * and sets of them. Other types answer false and are left to the caller.
 */
public final class WireJson {

    private final WireText wire = new WireText();
    private final TextBuffer scratch = new TextBuffer(64);
    private final CollectionItems items = new CollectionItems();
    private byte[] textBytes = new byte[256];

    /** Whether values of this type are written here. */
    public static boolean handles(DataType type) {
        if (type instanceof ListType l) {
            return scalar(l.getElementType().getProtocolCode());
        }
        if (type instanceof SetType s) {
            return scalar(s.getElementType().getProtocolCode());
        }
        return scalar(type.getProtocolCode());
    }

    /** The scalars WireText writes whose JSON form is its text or a plain number (not doubles, floats or blobs). */
    private static boolean scalar(int code) {
        return WireText.handles(code) && code != ProtocolConstants.DataType.DOUBLE && code != ProtocolConstants.DataType.FLOAT
                && code != ProtocolConstants.DataType.BLOB;
    }

    /**
     * Whether a value is null: a missing scalar (or a legacy empty non-text one). A missing list or set is never
     * null: Cassandra stores an empty non-frozen collection as no value, and the driver reads it as empty.
     */
    public static boolean isNull(DataType type, ByteBuffer bytes) {
        if (type instanceof ListType || type instanceof SetType) {
            return false;
        }
        return WireText.isNull(type.getProtocolCode(), bytes);
    }

    /** Writes a value of a type {@link #handles} accepts; the value is not null ({@link #isNull}). */
    public void write(JsonGenerator g, DataType type, ByteBuffer bytes) throws IOException {
        DataType element = type instanceof ListType l ? l.getElementType() : type instanceof SetType s ? s.getElementType() : null;
        if (element == null) {
            scalar(g, type.getProtocolCode(), bytes, bytes.position(), bytes.remaining());
            return;
        }
        g.writeStartArray();
        int code = element.getProtocolCode();
        for (CollectionItems item = items.reset(bytes); item.next(); ) {
            if (item.length() < 0 || WireText.isNull(code, item.length())) {
                g.writeNull();
            } else {
                scalar(g, code, bytes, item.offset(), item.length());
            }
        }
        g.writeEndArray();
    }

    private void scalar(JsonGenerator g, int code, ByteBuffer b, int p, int len) throws IOException {
        switch (code) {
            case ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.VARCHAR -> {
                if (b.hasArray()) {
                    g.writeUTF8String(b.array(), b.arrayOffset() + p, len);
                    return;
                }
                if (textBytes.length < len) {
                    textBytes = new byte[Math.max(len, 2 * textBytes.length)];
                }
                b.get(p, textBytes, 0, len);
                g.writeUTF8String(textBytes, 0, len);
            }
            case ProtocolConstants.DataType.TINYINT -> g.writeNumber(b.get(p));
            case ProtocolConstants.DataType.SMALLINT -> g.writeNumber(b.getShort(p));
            case ProtocolConstants.DataType.INT -> g.writeNumber(b.getInt(p));
            case ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER -> g.writeNumber(b.getLong(p));
            case ProtocolConstants.DataType.BOOLEAN -> g.writeBoolean(b.get(p) != 0);
            default -> {
                // uuid, timeuuid, timestamp, date, time: ASCII digits, letters, '-', ':', '.', '+': nothing to escape.
                scratch.reset();
                wire.append(code, b, p, len, scratch);
                g.writeRawUTF8String(scratch.array(), 0, scratch.size());
            }
        }
    }
}
