package dev.ringside.engine;

import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.TableInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the CQL of range queries. Two variants per query: {@code token(pk) > ?} for ordinary ranges and
 * {@code token(pk) >= ?} for the range that starts at the ring's minimum token.
 */
public final class RangeQueries {

    private final TableInfo table;
    private final String token;

    public RangeQueries(TableInfo table) {
        this.table = table;
        this.token = "token(" + table.partitionKey().stream().map(ColumnInfo::cqlName).collect(Collectors.joining(", ")) + ")";
    }

    public String count(boolean startInclusive) {
        return "SELECT count(*) FROM " + table.cqlName() + " WHERE " + bounds(startInclusive);
    }

    /**
     * A select of {@code columns} over a range, with an optional extra condition written by the user (it may need
     * {@code ALLOW FILTERING} at its end, where Cassandra says so).
     */
    public String select(List<ColumnInfo> columns, String where, boolean startInclusive) {
        String list = columns.stream().map(ColumnInfo::cqlName).collect(Collectors.joining(", "));
        String extra = where == null || where.isBlank() ? "" : " AND " + where.trim();
        return "SELECT " + list + " FROM " + table.cqlName() + " WHERE " + bounds(startInclusive) + extra;
    }

    private String bounds(boolean startInclusive) {
        return token + (startInclusive ? " >= ?" : " > ?") + " AND " + token + " <= ?";
    }
}
