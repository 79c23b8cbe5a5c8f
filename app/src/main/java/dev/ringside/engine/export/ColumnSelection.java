package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.ColumnKind;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns an export writes: all of the table's in {@code SELECT *} order, or the named ones in the order given,
 * where {@code writetime(col)} and {@code ttl(col)} name the write time (microseconds since the epoch) and the
 * seconds left to live of a regular or static column.
 */
final class ColumnSelection {

    private static final Pattern FUNCTION = Pattern.compile("(?i)(writetime|ttl)\\s*\\(\\s*(.+?)\\s*\\)");

    private ColumnSelection() {
    }

    static List<SelectedColumn> selectors(TableInfo table, List<String> names) throws SchemaException {
        if (names.isEmpty()) {
            return table.columns().stream().map(ColumnSelection::plain).toList();
        }
        List<SelectedColumn> selected = new ArrayList<>();
        for (String raw : names) {
            Matcher f = FUNCTION.matcher(raw.trim());
            SelectedColumn column;
            if (f.matches()) {
                String function = f.group(1).toLowerCase(Locale.ROOT);
                ColumnInfo of = select(table, List.of(f.group(2))).get(0);
                if (of.kind() == ColumnKind.PARTITION_KEY || of.kind() == ColumnKind.CLUSTERING) {
                    throw new SchemaException(function + "(" + of.name() + ") is not possible: " + of.name() + " is part of the "
                            + "primary key, which Cassandra keeps no " + (function.equals("ttl") ? "TTL" : "write time")
                            + " for. Choose a column that is not part of the key.");
                }
                column = new SelectedColumn(function + "(" + of.name() + ")", function + "(" + of.cqlName() + ")",
                        function.equals("ttl") ? DataTypes.INT : DataTypes.BIGINT, true);
            } else {
                column = plain(select(table, List.of(raw)).get(0));
            }
            String name = column.name();
            if (selected.stream().anyMatch(c -> c.name().equals(name))) {
                throw new SchemaException("Column '" + name + "' is listed twice among the columns to export.");
            }
            selected.add(column);
        }
        return selected;
    }

    private static SelectedColumn plain(ColumnInfo c) {
        return new SelectedColumn(c.name(), c.cqlName(), c.type(), false);
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
