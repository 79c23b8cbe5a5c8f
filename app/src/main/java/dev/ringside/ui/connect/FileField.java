package dev.ringside.ui.connect;

import dev.ringside.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * An optional file (truststore, CA certificate, keystore, driver config), checked as it is typed. The check touches
 * the disk, so it runs through the {@link TaskRunner}, off the UI thread; its result is applied only while the field
 * still holds the text it checked, so the latest input wins however the checks finish.
 */
public final class FileField {

    enum Problem { NONE, NOT_FOUND, NOT_READABLE }

    private final String name;
    private final TaskRunner runner;
    private final ConnectTexts texts;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);

    /** @param name the file as messages name it, e.g. "Truststore" */
    FileField(String name, TaskRunner runner, ConnectTexts texts) {
        this.name = name;
        this.runner = runner;
        this.texts = texts;
        text.addListener((o, was, now) -> check());
    }

    private void check() {
        String path = trimmed();
        if (path.isEmpty()) {
            error.set("");
            checking.set(false);
            return;
        }
        checking.set(true);
        runner.run("check-file", () -> problem(path), problem -> {
            if (path.equals(trimmed())) {
                error.set(message(problem, path));
                checking.set(false);
            }
        }, failure -> {
            if (path.equals(trimmed())) {
                error.set(message(Problem.NOT_FOUND, path));
                checking.set(false);
            }
        });
    }

    /** What is wrong with the file at {@code path}; touches the disk. */
    static Problem problem(String path) {
        try {
            Path file = Path.of(path);
            return !Files.isRegularFile(file) ? Problem.NOT_FOUND : Files.isReadable(file) ? Problem.NONE : Problem.NOT_READABLE;
        } catch (InvalidPathException e) {
            return Problem.NOT_FOUND;
        }
    }

    private String message(Problem problem, String path) {
        return switch (problem) {
            case NONE -> "";
            case NOT_FOUND -> texts.get("file.notFound", name, path);
            case NOT_READABLE -> texts.get("file.notReadable", name, path);
        };
    }

    private String trimmed() {
        return text.get() == null ? "" : text.get().trim();
    }

    /** The file, or null when the field is blank. */
    Path pathOrNull() {
        return trimmed().isEmpty() ? null : Path.of(trimmed());
    }

    /** True when the file is known to be fine: blank, or checked and found readable. */
    boolean valid() {
        return !checking.get() && error.get().isEmpty();
    }

    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** True while the check of the text now in the field has not answered yet. */
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
}
