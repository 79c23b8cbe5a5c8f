package dev.ringside.engine.export;

import dev.ringside.engine.RangeJobOptions;
import dev.ringside.sink.SinkOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to export and how.
 *
 * @param keyspace         keyspace name
 * @param table            table name
 * @param columns          columns to export, in this order; empty for all, in schema order
 * @param where            extra CQL condition ANDed to the token range, or {@code null}
 * @param options          splits, parallelism, consistency, timeouts, token bounds
 * @param sink             format and its options
 * @param out              output file (one file), or the name pattern base for several ({@code out-00001.csv} …)
 * @param files            number of files written in parallel
 * @param pageSize         rows per page
 * @param maxRowsPerSecond throttle, 0 for none
 * @param resume           finish an interrupted export of the same output from its checkpoint
 * @param overwrite        replace existing output files
 * @param progressInterval how often progress snapshots are sent
 * @param shape            a row limit, a sample, rows per file; {@link ExportShape#ALL} for the whole table
 */
public record ExportRequest(String keyspace, String table, List<String> columns, String where,
                            RangeJobOptions options, SinkOptions sink, Path out, int files, int pageSize,
                            long maxRowsPerSecond, boolean resume, boolean overwrite, Duration progressInterval,
                            ExportShape shape) {

    public static final int DEFAULT_PAGE_SIZE = 5000;
    public static final int MAX_FILES = 256;
    public static final int MAX_PAGE_SIZE = 100_000;

    /** The whole table, one file per writer. */
    public ExportRequest(String keyspace, String table, List<String> columns, String where, RangeJobOptions options,
                         SinkOptions sink, Path out, int files, int pageSize, long maxRowsPerSecond, boolean resume,
                         boolean overwrite, Duration progressInterval) {
        this(keyspace, table, columns, where, options, sink, out, files, pageSize, maxRowsPerSecond, resume, overwrite,
                progressInterval, ExportShape.ALL);
    }

    public ExportRequest {
        columns = List.copyOf(columns);
        shape = shape == null ? ExportShape.ALL : shape;
        if (shape.rolls() && sink instanceof dev.ringside.sink.CsvOptions csv && csv.header() && shape.maxRowsPerFile() < 2) {
            throw new IllegalArgumentException("With a header line, a file needs room for at least 2 lines (got "
                    + shape.maxRowsPerFile() + ").");
        }
        if (files < 1 || files > MAX_FILES) {
            throw new IllegalArgumentException("The number of files must be between 1 and " + MAX_FILES + " (got " + files + ").");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("The page size must be between 1 and " + MAX_PAGE_SIZE + " rows (got " + pageSize + ").");
        }
        if (maxRowsPerSecond < 0) {
            throw new IllegalArgumentException("The row rate limit must be 0 (no limit) or more (got " + maxRowsPerSecond + ").");
        }
    }

    /** The same request with another output option set; keeps the rest. */
    public ExportRequest withResume(boolean value) {
        return new ExportRequest(keyspace, table, columns, where, options, sink, out, files, pageSize,
                maxRowsPerSecond, value, overwrite, progressInterval, shape);
    }

    /** The same job at another rate limit (0: none); a resumed job need not keep the first run's. */
    public ExportRequest withMaxRowsPerSecond(long value) {
        return new ExportRequest(keyspace, table, columns, where, options, sink, out, files, pageSize,
                value, resume, overwrite, progressInterval, shape);
    }

    public ExportRequest withOverwrite(boolean value) {
        return new ExportRequest(keyspace, table, columns, where, options, sink, out, files, pageSize,
                maxRowsPerSecond, resume, value, progressInterval, shape);
    }

    public ExportRequest withShape(ExportShape value) {
        return new ExportRequest(keyspace, table, columns, where, options, sink, out, files, pageSize,
                maxRowsPerSecond, resume, overwrite, progressInterval, value);
    }

    /** Data rows a file holds at most: the rows per file less the header line; {@code Long.MAX_VALUE} for no limit. */
    public long dataRowsPerFile() {
        if (!shape.rolls()) {
            return Long.MAX_VALUE;
        }
        boolean header = sink instanceof dev.ringside.sink.CsvOptions csv && csv.header();
        return shape.maxRowsPerFile() - (header ? 1 : 0);
    }
}
