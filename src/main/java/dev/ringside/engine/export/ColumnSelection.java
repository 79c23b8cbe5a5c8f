package dev.ringside.engine.export;

import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns an export writes: all of the table's in {@code SELECT *} order, or the named ones in the order given. */
final class ColumnSelection {

    private ColumnSelection() {
    }

    /** Names match exactly, or ignoring case when that finds one column; quotes are allowed. */
    static List<ColumnInfo> select(TableInfo table, List<String> names) throws SchemaException {
        if (names.isEmpty()) {
            return table.columns();
        }
        List<ColumnInfo> selected = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            String unquoted = name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                    ? name.substring(1, name.length() - 1) : name;
            Optional<ColumnInfo> exact = table.column(unquoted);
            List<ColumnInfo> loose = table.columns().stream().filter(c -> c.name().equalsIgnoreCase(unquoted)).toList();
            ColumnInfo column = exact.orElse(loose.size() == 1 ? loose.get(0) : null);
            if (column == null) {
                throw new SchemaException("Unknown column '" + name + "' in " + table.displayName() + ". Columns: "
                        + String.join(", ", table.columns().stream().map(ColumnInfo::name).toList()) + ".");
            }
            if (selected.contains(column)) {
                throw new SchemaException("Column '" + column.name() + "' is listed twice among the columns to export.");
            }
            selected.add(column);
        }
        return selected;
    }
}
