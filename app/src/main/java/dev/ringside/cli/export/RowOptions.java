package dev.ringside.cli.export;

import dev.ringside.engine.export.ExportRequest;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rows and columns an export reads, and how fast: the same flags, with the same meaning, for {@code ringside
 * export} and for {@code ringside spark-command export}.
 */
public final class RowOptions {

    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Columns to export, in this order (default: all, in schema order).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--where", paramLabel = "CQL",
            description = "Extra condition ANDed to each range query, e.g. \"kind = 'click' ALLOW FILTERING\" "
                    + "(end it with ALLOW FILTERING where Cassandra asks for it).")
    String where;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + ExportRequest.DEFAULT_PAGE_SIZE,
            description = "Rows per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--max-rows-per-second", paramLabel = "N", defaultValue = "0",
            description = "Throttle, to protect a production cluster (default: no limit).")
    long maxRowsPerSecond;

    public List<String> columns() {
        return columns;
    }

    public String where() {
        return where;
    }

    /** Rows per page, checked against the engine's bounds. */
    public int pageSize() {
        if (pageSize < 1 || pageSize > ExportRequest.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("--page-size must be between 1 and " + ExportRequest.MAX_PAGE_SIZE + " (got " + pageSize + ").");
        }
        return pageSize;
    }

    /** The throttle in rows per second, 0 for none. */
    public long maxRowsPerSecond() {
        if (maxRowsPerSecond < 0) {
            throw new IllegalArgumentException("--max-rows-per-second must be 0 (no limit) or more.");
        }
        return maxRowsPerSecond;
    }
}
