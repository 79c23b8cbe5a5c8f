package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.type.DataType;

/**
 * One exported column: a table column, or the write time or TTL of one.
 *
 * @param name its name in the files: the column's name, or {@code writetime(name)} / {@code ttl(name)}
 * @param cql  how the select names it
 * @param type the type as the schema says; for a write time or TTL the type the server answers with wins (see
 *             {@link ExportEngine}), since Cassandra 5.0 returns a list of them for a collection that is not frozen
 * @param function whether this is a write time or TTL rather than a column's value
 */
record SelectedColumn(String name, String cql, DataType type, boolean function) {
}
