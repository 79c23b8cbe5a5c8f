package dev.ringside.ui.export;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A column in the export's column picker: a table column (ticked at first), or its write time or TTL (not). */
public final class ColumnChoice {

    private final String name;
    private final String type;
    private final boolean function;
    private final BooleanProperty selected;

    public ColumnChoice(String name, String type) {
        this(name, type, false);
    }

    private ColumnChoice(String name, String type, boolean function) {
        this.name = name;
        this.type = type;
        this.function = function;
        this.selected = new SimpleBooleanProperty(!function);
    }

    /** {@code writetime(column)} or {@code ttl(column)}, described by {@code what}; the column name as CQL needs it. */
    public static ColumnChoice function(String function, String column, String what) {
        // Quoted as CQL quotes it when it is not all lower case letters, digits and _ (the export reads it back so).
        String cql = column.matches("[a-z][a-z0-9_]*") ? column : "\"" + column.replace("\"", "\"\"") + "\"";
        return new ColumnChoice(function + "(" + cql + ")", what, true);
    }

    public boolean isFunction() {
        return function;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    @Override
    public String toString() {
        return name + "  " + type;
    }
}
