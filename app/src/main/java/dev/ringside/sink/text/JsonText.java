package dev.ringside.sink.text;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.protocol.internal.ProtocolConstants;

import java.nio.ByteBuffer;

/**
 * The JSON text of the lists and sets {@link WireJson} handles, written as bytes straight into a {@link TextBuffer}:
 * no generator, no item buffer, no String. The bytes are exactly those Jackson's UTF-8 generator writes for the same
 * value through {@link WireJson} (JsonTextTest compares them on random values), so a CSV cell holding a collection
 * reads the same as before. Used where a collection is a whole cell of text, as in CSV.
 */
public final class JsonText {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** Per ASCII byte: 0 to copy it, a letter for its two-character escape, or -1 for a {@code \\u00XX} escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final WireText wire = new WireText();
    private final CollectionItems items = new CollectionItems();

    /** Whether a column of this type is a list or set this class writes. */
    public static boolean handles(DataType type) {
        return (type instanceof ListType || type instanceof SetType) && WireJson.handles(type);
    }

    /** Appends a list's or set's JSON array; a missing value is the empty array, as the driver reads it. */
    public void appendCollection(DataType type, ByteBuffer value, TextBuffer out) {
        DataType element = type instanceof ListType l ? l.getElementType() : ((SetType) type).getElementType();
        int code = element.getProtocolCode();
        out.append((byte) '[');
        boolean first = true;
        for (CollectionItems item = items.reset(value); item.next(); first = false) {
            if (!first) {
                out.append((byte) ',');
            }
            if (item.length() < 0 || WireText.isNull(code, item.length())) {
                out.append(NULL);
            } else {
                scalar(code, value, item.offset(), item.length(), out);
            }
        }
        out.append((byte) ']');
    }

    private void scalar(int code, ByteBuffer b, int p, int length, TextBuffer out) {
        switch (code) {
            case ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.VARCHAR -> string(b, p, p + length, out);
            case ProtocolConstants.DataType.BOOLEAN, ProtocolConstants.DataType.TINYINT, ProtocolConstants.DataType.SMALLINT,
                 ProtocolConstants.DataType.INT, ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER ->
                    wire.append(code, b, p, length, out);
            default -> {
                // uuid, timeuuid, timestamp, date, time: ASCII with nothing to escape.
                out.append((byte) '"');
                wire.append(code, b, p, length, out);
                out.append((byte) '"');
            }
        }
    }

    /** A JSON string of UTF-8 text: quote, backslash and control characters escaped, as Jackson does. */
    static void string(ByteBuffer utf8, int p, int end, TextBuffer out) {
        out.append((byte) '"');
        int start = p;
        for (int i = p; i < end; i++) {
            byte c = utf8.get(i);
            if (c >= 0 && ESCAPES[c] != 0) {
                out.append(utf8, start, i - start);
                out.append((byte) '\\');
                if (ESCAPES[c] > 0) {
                    out.append(ESCAPES[c]);
                } else {
                    out.append((byte) 'u').append((byte) '0').append((byte) '0')
                            .append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
                start = i + 1;
            }
        }
        out.append(utf8, start, end - start);
        out.append((byte) '"');
    }
}
