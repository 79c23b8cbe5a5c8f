package dev.ringside.ui.connect;

import dev.ringside.cluster.TlsSettings;
import dev.ringside.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** TLS: a truststore or a CA certificate, an optional client keystore, and host-name verification. */
public final class TlsFields {

    private final FileField truststore;
    private final StringProperty truststorePassword = new SimpleStringProperty("");
    private final FileField caCertificate;
    private final FileField keystore;
    private final StringProperty keystorePassword = new SimpleStringProperty("");
    /** On by default: without it, any certificate the trusted CAs issued, for any name, would be accepted. */
    private final BooleanProperty verifyHostname = new SimpleBooleanProperty(true);

    TlsFields(TaskRunner runner, ConnectTexts texts) {
        truststore = new FileField(texts.get("tls.truststore.name"), runner, texts);
        caCertificate = new FileField(texts.get("tls.ca.name"), runner, texts);
        keystore = new FileField(texts.get("tls.keystore.name"), runner, texts);
    }

    List<FileField> files() {
        return List.of(truststore, caCertificate, keystore);
    }

    /** The TLS settings, or null for plain text when no TLS file is given. */
    TlsSettings settingsOrNull() {
        if (files().stream().allMatch(f -> f.pathOrNull() == null)) {
            return null;
        }
        return new TlsSettings(truststore.pathOrNull(), blankToNull(truststorePassword.get()), caCertificate.pathOrNull(),
                keystore.pathOrNull(), blankToNull(keystorePassword.get()), verifyHostname.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public FileField truststore() { return truststore; }
    public StringProperty truststorePasswordProperty() { return truststorePassword; }
    public FileField caCertificate() { return caCertificate; }
    public FileField keystore() { return keystore; }
    public StringProperty keystorePasswordProperty() { return keystorePassword; }
    public BooleanProperty verifyHostnameProperty() { return verifyHostname; }
}
