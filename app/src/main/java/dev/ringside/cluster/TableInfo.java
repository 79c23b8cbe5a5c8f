package dev.ringside.cluster;

import com.datastax.oss.driver.api.core.CqlIdentifier;

import java.util.List;
import java.util.Optional;

/**
 * A table's shape: its columns in schema order (partition key, clustering, static, then the regular columns, as SELECT * lists them).
 */
public record TableInfo(String keyspace, String table, List<ColumnInfo> columns) {

    public TableInfo {
        columns = List.copyOf(columns);
    }

    public List<ColumnInfo> partitionKey() {
        return columns.stream().filter(c -> c.kind() == ColumnKind.PARTITION_KEY).toList();
    }

    public List<ColumnInfo> clusteringKey() {
        return columns.stream().filter(c -> c.kind() == ColumnKind.CLUSTERING).toList();
    }

    public Optional<ColumnInfo> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** {@code "ks"."table"} as CQL needs it. */
    public String cqlName() {
        return CqlIdentifier.fromInternal(keyspace).asCql(true) + "." + CqlIdentifier.fromInternal(table).asCql(true);
    }

    /** {@code ks.table} for people. */
    public String displayName() {
        return keyspace + "." + table;
    }
}
