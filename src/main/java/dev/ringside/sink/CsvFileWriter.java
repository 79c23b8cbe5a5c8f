package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV through commons-csv. Scalars in their {@link CqlText} form; collections, UDTs and tuples as JSON text.
 * Every non-null value is quoted and a null is the null string unquoted, so that null and text stay distinct
 * whatever the null string: with the default empty null string an empty text is {@code ""} and a null an empty
 * field; with {@code NULL}, a text {@code NULL} is {@code "NULL"} and a null is {@code NULL} (read it back with quoted
 * nulls off, e.g. DuckDB's {@code allow_quoted_nulls = false}, as PostgreSQL's COPY does).
 */
final class CsvFileWriter implements RowFileWriter {

    private final FileTarget target;
    private final BufferedWriter text;
    private final CSVPrinter printer;
    private final List<ExportColumn> columns;
    private final JsonFactory json = new JsonFactory();
    private final Object[] record;
    private long rows;

    CsvFileWriter(Path file, List<ExportColumn> columns, CsvOptions options, boolean append) throws IOException {
        this.columns = columns;
        this.record = new Object[columns.size()];
        this.target = new FileTarget(file, append, options.gzip());
        this.text = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 256 * 1024);
        CSVFormat.Builder format = CSVFormat.RFC4180.builder()
                .setDelimiter(options.delimiter())
                .setQuote(options.quote())
                .setRecordSeparator("\r\n")
                .setNullString(options.nullString())
                .setQuoteMode(QuoteMode.ALL_NON_NULL);
        if (options.escape() != null) {
            format.setEscape(options.escape());
        }
        this.printer = new CSVPrinter(text, format.get());
        if (options.header() && !append) {
            printer.printRecord(columns.stream().map(ExportColumn::name).toArray());
        }
    }

    @Override
    public void write(Row row) throws IOException {
        for (int i = 0; i < record.length; i++) {
            Object value = row.getObject(i);
            record[i] = value == null ? null : text(value);
        }
        printer.printRecord(record);
        rows++;
    }

    private String text(Object value) throws IOException {
        String scalar = CqlText.scalar(value);
        if (scalar != null) {
            return scalar;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = json.createGenerator(w)) {
            JsonValues.write(g, value);
        }
        return w.toString();
    }

    @Override
    public long commit() throws IOException {
        printer.flush();
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
        printer.close();
    }
}
