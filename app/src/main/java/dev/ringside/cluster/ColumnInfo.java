package dev.ringside.cluster;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.type.DataType;

/**
 * A column of a table.
 *
 * @param name the name as stored (case kept, unquoted)
 * @param type the CQL type
 * @param kind partition key, clustering, static or regular
 */
public record ColumnInfo(String name, DataType type, ColumnKind kind) {

    /** The name as it must appear in CQL: quoted when needed. */
    public String cqlName() {
        return CqlIdentifier.fromInternal(name).asCql(true);
    }

    /** The type as CQL spells it, e.g. {@code frozen<list<int>>}. */
    public String cqlType() {
        return type.asCql(true, true);
    }
}
