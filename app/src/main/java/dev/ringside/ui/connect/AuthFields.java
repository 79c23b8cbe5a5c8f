package dev.ringside.ui.connect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** User name and password (a password needs a user name), and whether a saved profile keeps the password. */
public final class AuthFields {

    private final ConnectTexts texts;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper("");

    AuthFields(ConnectTexts texts) {
        this.texts = texts;
        user.addListener((o, was, now) -> check());
        password.addListener((o, was, now) -> check());
    }

    private void check() {
        userError.set(user.get().isBlank() && !password.get().isEmpty() ? texts.get("user.missing") : "");
    }

    /** The user name, or null for no authentication. */
    String userOrNull() {
        return user.get().isBlank() ? null : user.get().trim();
    }

    /** The password to log in with: only with a user name. */
    String passwordOrNull() {
        return user.get().isBlank() ? null : password.get();
    }

    /** The password a profile should keep, or null when none should be kept. */
    String passwordToRemember() {
        return rememberPassword.get() && !password.get().isEmpty() ? password.get() : null;
    }

    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty rememberPasswordProperty() { return rememberPassword; }
    public ReadOnlyStringProperty userErrorProperty() { return userError.getReadOnlyProperty(); }
}
