package dev.ringside.app.history;

import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;

import java.util.List;

/**
 * What an export wrote, and how, as {@code history.json} keeps it.
 *
 * @param format                {@link ExportFormat} name
 * @param columns               columns chosen, empty for all
 * @param where                 the CQL filter, or {@code null}
 * @param csv                   the CSV dialect, or {@code null} for other formats (and in older files)
 * @param parquetCompression    the Parquet codec name, or {@code null} for other formats (and in older files)
 * @param jsonlCompression      the JSON Lines codec name ({@code TextCompression}), or {@code null} for other formats
 *                              (and in older files)
 * @param shape                 rows per file, a row limit, a sample and its seed; {@code null} in older files (the
 *                              whole table, one file per writer)
 * @param pageSize              rows per page; 0 in older files, meaning the default
 * @param parquetRowGroupBytes  the Parquet row-group size asked for; 0 for other formats and in older files
 */
public record ExportEntry(String format, String output, List<String> columns, String where, int files,
                          long maxRowsPerSecond, CsvEntry csv, String parquetCompression, String jsonlCompression,
                          ExportShape shape, int pageSize, long parquetRowGroupBytes) {

    public ExportEntry {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** An entry as older files kept it: the whole table, default page size and row groups. */
    public ExportEntry(String format, String output, List<String> columns, String where, int files,
                       long maxRowsPerSecond, CsvEntry csv, String parquetCompression) {
        this(format, output, columns, where, files, maxRowsPerSecond, csv, parquetCompression, null, null, 0, 0);
    }

    public static ExportEntry of(ExportRequest r) {
        CsvEntry csv = r.sink() instanceof CsvOptions c ? CsvEntry.of(c) : null;
        String parquet = r.sink() instanceof ParquetOptions p ? p.compression().name() : null;
        String jsonl = r.sink() instanceof JsonLinesOptions j ? j.compression().name() : null;
        long rowGroup = r.sink() instanceof ParquetOptions p ? p.rowGroupBytes() : 0;
        return new ExportEntry(r.sink().format().name(), r.out().toString(), r.columns(), r.where(), r.files(),
                r.maxRowsPerSecond(), csv, parquet, jsonl, r.shape().readsAllIntoOneFileEach() ? null : r.shape(),
                r.pageSize(), rowGroup);
    }

    /** Rows per file, limit and sample as recorded; the whole table in one file per writer for older records. */
    public ExportShape exportShape() {
        return shape == null ? ExportShape.ALL : shape;
    }

    public ExportFormat exportFormat() {
        return ExportFormat.valueOf(format);
    }

    /** Rows per page, the default for older files. */
    public int pageSizeOrDefault() {
        return pageSize > 0 ? pageSize : ExportRequest.DEFAULT_PAGE_SIZE;
    }

    /** The Parquet row-group size, the default for older files. */
    public long rowGroupBytesOrDefault() {
        return parquetRowGroupBytes > 0 ? parquetRowGroupBytes : ParquetOptions.DEFAULT_ROW_GROUP_BYTES;
    }
}
