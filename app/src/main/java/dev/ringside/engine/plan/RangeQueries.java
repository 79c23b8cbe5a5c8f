package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.RangeJobOptions;

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
     * Rows per partition over a range: the partition key's columns, then {@code count(*)}, one result row per
     * partition.
     */
    public String countByPartition() {
        String key = table.partitionKey().stream().map(ColumnInfo::cqlName).collect(Collectors.joining(", "));
        return "SELECT " + key + ", count(*) FROM " + table.cqlName() + " WHERE " + bounds() + " GROUP BY " + key;
    }

    /**
     * A select of {@code columns} over a range, with an optional extra condition written by the user (it may need
     * {@code ALLOW FILTERING} at its end, where Cassandra says so).
     */
    public String select(List<ColumnInfo> columns, String where) {
        return selectOf(columns.stream().map(ColumnInfo::cqlName).toList(), where);
    }

    /** The same with selectors written in CQL: column names, or functions of them such as {@code writetime(c)}. */
    public String selectOf(List<String> selectors, String where) {
        String list = String.join(", ", selectors);
        String extra = where == null || where.isBlank() ? "" : " AND " + where.trim();
        return "SELECT " + list + " FROM " + table.cqlName() + " WHERE " + bounds() + extra;
    }

    /**
     * A range query bound to its range and sent to one replica, which coordinates it: the one place where a job's
     * consistency and range timeout reach the query. Every range query only reads, so it may be retried anywhere.
     */
    public static BoundStatement bind(PreparedStatement query, TokenRange range, Node coordinator, RangeJobOptions options) {
        return query.bind(range.start(), range.end())
                .setConsistencyLevel(options.consistency().driverLevel())
                .setTimeout(options.rangeTimeout())
                .setNode(coordinator)
                .setIdempotent(true);
    }

    private String bounds() {
        return token + " > ? AND " + token + " <= ?";
    }
}
