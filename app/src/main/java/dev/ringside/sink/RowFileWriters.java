package dev.ringside.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Creates the writer for a format. Implemented by the sink package; the export engine only sees this. */
public interface RowFileWriters {

    /**
     * Opens a writer on {@code file}.
     *
     * @param append {@code true} to continue a file a previous run committed (CSV and JSON Lines only: no second
     *               header; for gzip a new gzip member); the caller has already truncated it to the committed length
     */
    RowFileWriter open(Path file, List<ExportColumn> columns, SinkOptions options, boolean append) throws IOException;
}
