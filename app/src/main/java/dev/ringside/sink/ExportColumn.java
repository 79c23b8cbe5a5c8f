package dev.ringside.sink;

import com.datastax.oss.driver.api.core.type.DataType;

/**
 * One exported column: its name exactly as in the schema (unquoted, case kept) and its CQL type.
 * Rows handed to a writer hold these columns in this order.
 */
public record ExportColumn(String name, DataType type) {
}
