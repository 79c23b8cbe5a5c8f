package dev.ringside.app.history;

import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.ParquetOptions;

import java.util.List;

/**
 * What an export wrote, and how, as {@code history.json} keeps it.
 *
 * @param format             {@link ExportFormat} name
 * @param columns            columns chosen, empty for all
 * @param where              the CQL filter, or {@code null}
 * @param csv                the CSV dialect, or {@code null} for other formats (and in older files)
 * @param parquetCompression the Parquet codec name, or {@code null} for other formats (and in older files)
 */
public record ExportEntry(String format, String output, List<String> columns, String where, int files,
                          long maxRowsPerSecond, CsvEntry csv, String parquetCompression) {

    public ExportEntry {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public static ExportEntry of(ExportRequest r) {
        CsvEntry csv = r.sink() instanceof CsvOptions c ? CsvEntry.of(c) : null;
        String parquet = r.sink() instanceof ParquetOptions p ? p.compression().name() : null;
        return new ExportEntry(r.sink().format().name(), r.out().toString(), r.columns(), r.where(), r.files(),
                r.maxRowsPerSecond(), csv, parquet);
    }

    public ExportFormat exportFormat() {
        return ExportFormat.valueOf(format);
    }
}
