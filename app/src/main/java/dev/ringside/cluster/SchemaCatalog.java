package dev.ringside.cluster;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up keyspaces, tables and columns in the driver's schema metadata. Names are matched exactly first, then
 * case-insensitively when that is unambiguous, so that {@code --table users} finds {@code users} and {@code Users}.
 */
public final class SchemaCatalog {

    private static final Set<String> SYSTEM_KEYSPACES = Set.of("system", "system_auth", "system_schema",
            "system_distributed", "system_traces", "system_virtual_schema", "system_views", "dse_system",
            "dse_security", "dse_leases", "dse_insights", "dse_perf", "solr_admin");

    private final CqlSession session;

    public SchemaCatalog(CqlSession session) {
        this.session = session;
    }

    public static boolean isSystemKeyspace(String name) {
        return SYSTEM_KEYSPACES.contains(name);
    }

    /** Keyspace names, sorted; system keyspaces only when asked. */
    public List<String> keyspaces(boolean includeSystem) {
        return session.getMetadata().getKeyspaces().keySet().stream()
                .map(CqlIdentifier::asInternal)
                .filter(k -> includeSystem || !isSystemKeyspace(k))
                .sorted()
                .toList();
    }

    /** Table names of a keyspace, sorted. */
    public List<String> tables(String keyspace) throws SchemaException {
        return keyspaceMetadata(keyspace).getTables().keySet().stream().map(CqlIdentifier::asInternal).sorted().toList();
    }

    /** The table, or a message naming what exists. */
    public TableInfo table(String keyspace, String table) throws SchemaException {
        KeyspaceMetadata ks = keyspaceMetadata(keyspace);
        if (table == null || table.isBlank()) {
            throw new SchemaException("No table given; tables in keyspace '" + ks.getName().asInternal() + "' are: "
                    + listOrNone(ks.getTables().keySet()) + ".");
        }
        Optional<TableMetadata> found = resolve(ks.getTables(), table);
        List<String> several = found.isPresent() ? List.of() : ambiguous(ks.getTables().keySet(), table);
        if (!several.isEmpty()) {
            throw new SchemaException("Table '" + table + "' matches several tables in keyspace '"
                    + ks.getName().asInternal() + "' when case is ignored: " + String.join(", ", several)
                    + ". Write the exact name in double quotes, e.g. \"" + several.get(0) + "\".");
        }
        TableMetadata t = found.orElseThrow(() -> new SchemaException(
                "No table '" + table + "' in keyspace '" + ks.getName().asInternal() + "'; tables are: "
                        + listOrNone(ks.getTables().keySet()) + ". Check the spelling; names are matched exactly, "
                        + "then ignoring case."));
        return toInfo(t);
    }

    /** Refreshes the schema from the cluster (after the user created tables in another tool). */
    public void refresh() {
        session.refreshSchema();
    }

    static TableInfo toInfo(TableMetadata t) {
        List<ColumnInfo> columns = new ArrayList<>();
        Set<CqlIdentifier> seen = new HashSet<>();
        for (ColumnMetadata c : t.getPartitionKey()) {
            columns.add(new ColumnInfo(c.getName().asInternal(), c.getType(), ColumnKind.PARTITION_KEY));
            seen.add(c.getName());
        }
        for (ColumnMetadata c : t.getClusteringColumns().keySet()) {
            columns.add(new ColumnInfo(c.getName().asInternal(), c.getType(), ColumnKind.CLUSTERING));
            seen.add(c.getName());
        }
        // Static columns before regular ones, as SELECT * lists them.
        for (boolean statics : new boolean[] {true, false}) {
            for (ColumnMetadata c : t.getColumns().values()) {
                if (c.isStatic() == statics && seen.add(c.getName())) {
                    columns.add(new ColumnInfo(c.getName().asInternal(), c.getType(),
                            c.isStatic() ? ColumnKind.STATIC : ColumnKind.REGULAR));
                }
            }
        }
        return new TableInfo(t.getKeyspace().asInternal(), t.getName().asInternal(), columns);
    }

    private KeyspaceMetadata keyspaceMetadata(String keyspace) throws SchemaException {
        Map<CqlIdentifier, KeyspaceMetadata> all = session.getMetadata().getKeyspaces();
        return resolve(all, keyspace).orElseThrow(() -> new SchemaException("No keyspace '" + keyspace
                + "'; keyspaces are: " + listOrNone(all.keySet().stream()
                .filter(k -> !isSystemKeyspace(k.asInternal())).toList()) + ". Check the spelling; names are matched "
                + "exactly, then ignoring case."));
    }

    private static <T> Optional<T> resolve(Map<CqlIdentifier, T> byName, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = unquote(name.trim());
        T exact = byName.get(CqlIdentifier.fromInternal(wanted));
        if (exact != null || isQuoted(name.trim())) {
            // A quoted name is exact, as in CQL.
            return Optional.ofNullable(exact);
        }
        List<T> loose = byName.entrySet().stream()
                .filter(e -> e.getKey().asInternal().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue)
                .toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    private static boolean isQuoted(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"");
    }

    /** The names that match ignoring case, when there are several (an ambiguous unquoted name). */
    private static List<String> ambiguous(java.util.Collection<CqlIdentifier> names, String name) {
        if (name == null || isQuoted(name.trim())) {
            return List.of();
        }
        List<String> matches = names.stream().map(CqlIdentifier::asInternal)
                .filter(n -> n.equalsIgnoreCase(name.trim())).sorted().toList();
        return matches.size() > 1 ? matches : List.of();
    }

    /** Accepts {@code "MixedCase"} as typed in CQL as well as the bare name. */
    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    private static String listOrNone(java.util.Collection<CqlIdentifier> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        List<String> sorted = names.stream().map(CqlIdentifier::asInternal).sorted(Comparator.naturalOrder()).toList();
        String joined = String.join(", ", sorted.subList(0, Math.min(20, sorted.size())));
        return sorted.size() > 20 ? joined + ", …" : joined;
    }
}
