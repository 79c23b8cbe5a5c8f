package dev.ringside.spark;

import com.datastax.oss.driver.api.core.type.DataType;

/** One column the job reads: its name as Cassandra stores it, and its CQL type. */
public record SelectedColumn(String name, DataType type) {
}
