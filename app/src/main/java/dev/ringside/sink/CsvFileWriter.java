package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.sink.text.CsvQuoting;
import dev.ringside.sink.text.TextBuffer;
import dev.ringside.sink.text.JsonText;
import dev.ringside.sink.text.WireText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV, written as bytes: scalars in their {@link CqlText} form (the fixed-width ones and text straight from the
 * bytes Cassandra sent, by {@link WireText}); collections, UDTs and tuples as JSON text. Every non-null value is
 * quoted and a null is the null string unquoted, so that null and text stay distinct whatever the null string: with
 * the default empty null string an empty text is {@code ""} and a null an empty field; with {@code NULL}, a text
 * {@code NULL} is {@code "NULL"} and a null is {@code NULL} (read it back with quoted nulls off, e.g. DuckDB's
 * {@code allow_quoted_nulls = false}, as PostgreSQL's COPY does). The bytes are those commons-csv writes with
 * {@code QuoteMode.ALL_NON_NULL} (CsvFileWriterTest compares them), without its cost per character.
 */
final class CsvFileWriter implements RowFileWriter {

    /** The buffer is handed to the file in blocks of about this size. */
    private static final int BLOCK = 256 * 1024;
    private static final byte[] RECORD_END = {'\r', '\n'};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final FileTarget target;
    private final TextBuffer out = new TextBuffer(BLOCK + 64 * 1024);
    private final TextBuffer cell = new TextBuffer(4096);
    private final WireText wire = new WireText();
    private final CsvQuoting quoting;
    private final byte[] delimiter;
    private final byte[] nullString;
    private final int[] codes;
    private final boolean[] fromBytes;
    /** Text columns, quoted straight from the bytes Cassandra sent. */
    private final boolean[] text;
    /** Columns whose text can never hold the quote or escape character: written between quotes, unscanned. */
    private final boolean[] plain;
    /** Lists and sets of simple values, as JSON text from the bytes ({@link JsonText}). */
    private final boolean[] jsonFromBytes;
    private final DataType[] types;
    private final JsonText jsonText = new JsonText();
    /** One generator for every collection, UDT and tuple cell, writing into {@link #cell}: none made per cell. */
    private final JsonGenerator json;
    private long rows;
    /** Bytes of the rows written, header left out. */
    private long rowBytes;

    CsvFileWriter(Path file, List<ExportColumn> columns, CsvOptions options, boolean append) throws IOException {
        this(new FileTarget(file, append, options.compression()), columns, options, append);
    }

    CsvFileWriter(FileTarget target, List<ExportColumn> columns, CsvOptions options, boolean append) throws IOException {
        this.target = target;
        this.quoting = new CsvQuoting(options.quote(), options.escape());
        this.delimiter = String.valueOf(options.delimiter()).getBytes(StandardCharsets.UTF_8);
        this.nullString = options.nullString() == null ? new byte[0] : options.nullString().getBytes(StandardCharsets.UTF_8);
        this.codes = new int[columns.size()];
        this.fromBytes = new boolean[columns.size()];
        this.text = new boolean[columns.size()];
        this.plain = new boolean[columns.size()];
        this.jsonFromBytes = new boolean[columns.size()];
        this.types = columns.stream().map(ExportColumn::type).toArray(DataType[]::new);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = types[i].getProtocolCode();
            fromBytes[i] = WireText.handles(codes[i]);
            text[i] = codes[i] == ProtocolConstants.DataType.VARCHAR || codes[i] == ProtocolConstants.DataType.ASCII;
            plain[i] = fromBytes[i] && !text[i] && quoting.leavesPlainValuesAlone();
            jsonFromBytes[i] = JsonText.handles(types[i]);
        }
        this.json = JsonValues.factory().createGenerator(new OutputStream() {
                    @Override
                    public void write(int b) {
                        cell.append((byte) b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        cell.append(b, off, len);
                    }
                }, JsonEncoding.UTF8);
        this.json.setRootValueSeparator(null);
        if (options.bom() && !append) {
            out.append(BOM);
        }
        if (options.header() && !append) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(delimiter);
                }
                cell.reset();
                quoting.quote(cell.append(columns.get(i).name()), out);
            }
            out.append(RECORD_END);
        }
    }

    @Override
    public void write(Row row) throws IOException {
        int before = out.size();
        for (int i = 0; i < codes.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            cell.reset();
            if (fromBytes[i]) {
                ByteBuffer bytes = row.getBytesUnsafe(i);
                if (WireText.isNull(codes[i], bytes)) {
                    out.append(nullString);
                } else if (text[i]) {
                    quoting.quote(bytes, out, cell);
                } else if (plain[i]) {
                    quoting.open(out);
                    wire.append(codes[i], bytes, out);
                    quoting.close(out);
                } else {
                    wire.append(codes[i], bytes, cell);
                    quoting.quote(cell, out);
                }
                continue;
            } else if (jsonFromBytes[i]) {
                // A list or set of simple values: its JSON text from the bytes, never null (see WireJson.isNull).
                jsonText.appendCollection(types[i], row.getBytesUnsafe(i), cell);
            } else {
                Object value = row.getObject(i);
                if (value == null) {
                    out.append(nullString);
                    continue;
                }
                String scalar = CqlText.scalar(value);
                if (scalar != null) {
                    cell.append(scalar);
                } else {
                    JsonValues.write(json, value);
                    json.flush();
                }
            }
            quoting.quote(cell, out);
        }
        out.append(RECORD_END);
        rows++;
        rowBytes += out.size() - before;
        if (out.size() >= BLOCK) {
            out.writeTo(target);
        }
    }

    @Override
    public long commit() throws IOException {
        out.writeTo(target);
        return target.commit();
    }

    @Override
    public long bytesWritten() {
        return target.bytes();
    }

    @Override
    public long bytesOfRows() {
        return rowBytes;
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            out.writeTo(target);
        } finally {
            target.close();
        }
    }
}
