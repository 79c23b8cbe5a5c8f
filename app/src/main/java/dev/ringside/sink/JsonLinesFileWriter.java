package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.ringside.sink.text.WireJson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON Lines: one object per row, keyed by column name, values as {@link JsonValues} writes them. Text, integers,
 * booleans, the ISO-text types and lists and sets of them are written straight from the bytes Cassandra sent
 * ({@link WireJson}: no boxed value or String per cell) through Jackson's UTF-8 generator, which escapes text exactly
 * as for a String.
 */
final class JsonLinesFileWriter implements RowFileWriter {

    private final FileTarget target;
    private final JsonGenerator generator;
    private final SerializedString[] names;
    private final DataType[] types;
    private final boolean[] fromBytes;
    private final WireJson wire = new WireJson();
    private long rows;
    /** Counts what the generator hands on; with what it still buffers, that is every row's bytes. */
    private final CountingStream encoded;

    JsonLinesFileWriter(Path file, List<ExportColumn> columns, JsonLinesOptions options, boolean append) throws IOException {
        this(new FileTarget(file, append, options.compression()), columns);
    }

    JsonLinesFileWriter(FileTarget target, List<ExportColumn> columns) throws IOException {
        this.target = target;
        this.encoded = new CountingStream(new BufferedOutputStream(target, 256 * 1024));
        this.generator = JsonValues.factory().createGenerator(encoded, JsonEncoding.UTF8);
        this.generator.setRootValueSeparator(null); // each object ends with its own newline
        this.names = columns.stream().map(c -> new SerializedString(c.name())).toArray(SerializedString[]::new);
        this.types = columns.stream().map(ExportColumn::type).toArray(DataType[]::new);
        this.fromBytes = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            fromBytes[i] = WireJson.handles(types[i]);
        }
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
        if (fromBytes[i]) {
            ByteBuffer bytes = row.getBytesUnsafe(i);
            if (WireJson.isNull(types[i], bytes)) {
                generator.writeNull();
            } else {
                wire.write(generator, types[i], bytes);
            }
        } else {
            JsonValues.write(generator, row.getObject(i));
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
    public long bytesOfRows() {
        return encoded.count + generator.getOutputBuffered();
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
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
