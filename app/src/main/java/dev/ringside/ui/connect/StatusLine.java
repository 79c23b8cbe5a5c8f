package dev.ringside.ui.connect;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The line under the connect screen's buttons, and whether a test or connect is under way. */
final class StatusLine {

    private final ReadOnlyStringWrapper text;
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    StatusLine(String initial) {
        text = new ReadOnlyStringWrapper(initial);
    }

    /** Shows {@code message} while work runs. */
    void begin(String message) {
        busy.set(true);
        show(message, false);
    }

    /** Shows the outcome of the work that {@link #begin} announced. */
    void end(String message, boolean isError) {
        busy.set(false);
        show(message, isError);
    }

    void show(String message, boolean isError) {
        error.set(isError);
        text.set(message);
    }

    ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty errorProperty() { return error.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
