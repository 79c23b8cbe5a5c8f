package dev.ringside.engine;

import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.TableInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the CQL of range queries: {@code token(pk) > ? AND token(pk) <= ?}, bound to a {@link TokenRange}'s start
 * and end (which is never the minimum token: see {@link TokenRange}).
 */
public final class RangeQueries {

    private final TableInfo table;
    private final String token;

    public RangeQueries(TableInfo table) {
        this.table = table;
        this.token = "token(" + table.partitionKey().stream().map(ColumnInfo::cqlName).collect(Collectors.joining(", ")) + ")";
    }

    public String count() {
        return "SELECT count(*) FROM " + table.cqlName() + " WHERE " + bounds();
    }

    /**
     * A select of {@code columns} over a range, with an optional extra condition written by the user (it may need
     * {@code ALLOW FILTERING} at its end, where Cassandra says so).
     */
    public String select(List<ColumnInfo> columns, String where) {
        String list = columns.stream().map(ColumnInfo::cqlName).collect(Collectors.joining(", "));
        String extra = where == null || where.isBlank() ? "" : " AND " + where.trim();
        return "SELECT " + list + " FROM " + table.cqlName() + " WHERE " + bounds() + extra;
    }

    private String bounds() {
        return token + " > ? AND " + token + " <= ?";
    }
}
