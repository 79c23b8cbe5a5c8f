package dev.ringside.app;

import java.util.List;

/** The first rows of a table, each value already in its text form. */
public record TablePreview(List<String> columns, List<List<String>> rows) {

    public TablePreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
