package dev.ringside.ui.export;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A column in the export's column picker. */
public final class ColumnChoice {

    private final String name;
    private final String type;
    private final BooleanProperty selected = new SimpleBooleanProperty(true);

    public ColumnChoice(String name, String type) {
        this.name = name;
        this.type = type;
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
