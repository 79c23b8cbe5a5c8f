package dev.ringside.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The writers of the three formats. */
public final class DefaultRowFileWriters implements RowFileWriters {

    @Override
    public RowFileWriter open(Path file, List<ExportColumn> columns, SinkOptions options, boolean append) throws IOException {
        if (options instanceof CsvOptions csv) {
            return new CsvFileWriter(file, columns, csv, append);
        }
        if (options instanceof JsonLinesOptions jsonl) {
            return new JsonLinesFileWriter(file, columns, jsonl, append);
        }
        if (options instanceof ParquetOptions parquet) {
            if (append) {
                throw new IOException("Parquet files cannot be appended to; a resumed export writes a new part");
            }
            return new ParquetFileWriterAdapter(file, columns, parquet);
        }
        throw new IllegalArgumentException("unknown sink options " + options);
    }
}
