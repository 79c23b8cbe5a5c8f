package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows to one output file. Used by exactly one thread at a time.
 */
public interface RowFileWriter extends Closeable {

    /** Writes one row; the row holds the export's columns in order. */
    void write(Row row) throws IOException;

    /**
     * Makes everything written so far durable and returns the file length at which the file is valid and holds
     * exactly the rows written so far, so that a resumed export can truncate to it and append.
     * Returns {@code -1} when the format cannot commit in the middle of a file (Parquet: only a closed file is valid).
     */
    long commit() throws IOException;

    /** Bytes written so far (approximate until close for compressed formats), for progress. */
    long bytesWritten();

    /**
     * Bytes the rows written so far take in the output, as the writer encoded them: for text formats the exact
     * bytes of each row (before gzip, so compressed files are smaller), whatever still sits in buffers; for other
     * formats, what {@link #bytesWritten} says. The range report's bytes per range come from it.
     */
    default long bytesOfRows() {
        return bytesWritten();
    }

    /** Rows written so far. */
    long rowsWritten();

    /** Finishes the file (footer, gzip trailer) and closes it. */
    @Override
    void close() throws IOException;
}
