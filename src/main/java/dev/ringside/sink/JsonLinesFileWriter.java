package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ringside.sink.text.TextBuffer;
import dev.ringside.sink.text.WireText;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON Lines: one object per row, keyed by column name, values as {@link JsonValues} writes them. Text, numbers,
 * booleans and the ISO-text types are written straight from the bytes Cassandra sent (no boxed value or String per
 * cell) through Jackson's UTF-8 generator, which escapes text exactly as for a String.
 */
final class JsonLinesFileWriter implements RowFileWriter {

    private final FileTarget target;
    private final JsonGenerator generator;
    private final SerializedString[] names;
    private final int[] codes;
    private final WireText wire = new WireText();
    private final TextBuffer scratch = new TextBuffer(64);
    private byte[] textBytes = new byte[256];
    private long rows;

    JsonLinesFileWriter(Path file, List<ExportColumn> columns, boolean append) throws IOException {
        this.target = new FileTarget(file, append, false);
        // Characters beyond the BMP as their four UTF-8 bytes, as the Writer-based generator wrote them, not as
        // escaped surrogate pairs (the UTF-8 generator's default).
        JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        this.generator = factory.createGenerator(new BufferedOutputStream(target, 256 * 1024), JsonEncoding.UTF8);
        this.generator.setRootValueSeparator(null); // each object ends with its own newline
        this.names = columns.stream().map(c -> new SerializedString(c.name())).toArray(SerializedString[]::new);
        this.codes = columns.stream().mapToInt(c -> c.type().getProtocolCode()).toArray();
    }

    @Override
    public void write(Row row) throws IOException {
        generator.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            generator.writeFieldName(names[i]);
            value(row, i);
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
        rows++;
    }

    private void value(Row row, int i) throws IOException {
        int code = codes[i];
        switch (code) {
            case ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.VARCHAR -> {
                ByteBuffer b = row.getBytesUnsafe(i);
                if (b == null) {
                    generator.writeNull();
                } else {
                    int len = b.remaining();
                    if (textBytes.length < len) {
                        textBytes = new byte[Math.max(len, 2 * textBytes.length)];
                    }
                    b.duplicate().get(textBytes, 0, len);
                    generator.writeUTF8String(textBytes, 0, len);
                }
            }
            case ProtocolConstants.DataType.TINYINT, ProtocolConstants.DataType.SMALLINT, ProtocolConstants.DataType.INT,
                 ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER, ProtocolConstants.DataType.BOOLEAN -> {
                ByteBuffer b = row.getBytesUnsafe(i);
                if (WireText.isNull(code, b)) {
                    generator.writeNull();
                } else {
                    int p = b.position();
                    switch (code) {
                        case ProtocolConstants.DataType.TINYINT -> generator.writeNumber(b.get(p));
                        case ProtocolConstants.DataType.SMALLINT -> generator.writeNumber(b.getShort(p));
                        case ProtocolConstants.DataType.INT -> generator.writeNumber(b.getInt(p));
                        case ProtocolConstants.DataType.BOOLEAN -> generator.writeBoolean(b.get(p) != 0);
                        default -> generator.writeNumber(b.getLong(p));
                    }
                }
            }
            case ProtocolConstants.DataType.UUID, ProtocolConstants.DataType.TIMEUUID, ProtocolConstants.DataType.TIMESTAMP,
                 ProtocolConstants.DataType.DATE, ProtocolConstants.DataType.TIME -> {
                ByteBuffer b = row.getBytesUnsafe(i);
                if (WireText.isNull(code, b)) {
                    generator.writeNull();
                } else {
                    // ASCII digits, letters, '-', ':', '.', '+': nothing to escape.
                    scratch.reset();
                    wire.append(code, b, scratch);
                    generator.writeRawUTF8String(scratch.array(), 0, scratch.size());
                }
            }
            default -> JsonValues.write(generator, row.getObject(i));
        }
    }

    @Override
    public long commit() throws IOException {
        generator.flush();
        return target.commit();
    }

    @Override
    public long bytesWritten() {
        return target.bytes();
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
