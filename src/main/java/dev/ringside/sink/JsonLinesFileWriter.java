package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** JSON Lines: one object per row, keyed by column name, values as {@link JsonValues} writes them. */
final class JsonLinesFileWriter implements RowFileWriter {

    private final FileTarget target;
    private final JsonGenerator generator;
    private final SerializedString[] names;
    private long rows;

    JsonLinesFileWriter(Path file, List<ExportColumn> columns, boolean append) throws IOException {
        this.target = new FileTarget(file, append, false);
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 256 * 1024);
        this.generator = new JsonFactory().createGenerator(text);
        this.generator.setRootValueSeparator(null); // each object ends with its own newline
        this.names = columns.stream().map(c -> new SerializedString(c.name())).toArray(SerializedString[]::new);
    }

    @Override
    public void write(Row row) throws IOException {
        generator.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            generator.writeFieldName(names[i]);
            JsonValues.write(generator, row.getObject(i));
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
        rows++;
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
