package dev.ringside.ui.browse;

import java.util.List;

/** A keyspace and its tables, for the tree. */
public record KeyspaceEntry(String keyspace, List<String> tables) {

    public KeyspaceEntry {
        tables = List.copyOf(tables);
    }
}
