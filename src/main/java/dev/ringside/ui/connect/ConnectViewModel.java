package dev.ringside.ui.connect;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.ClusterConnector;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.ContactPoints;
import dev.ringside.cluster.TlsSettings;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The connect screen: every field validated as it is typed, "Test connection" (which also suggests the local
 * datacenter), "Connect", and saved profiles.
 */
public final class ConnectViewModel {

    private final ClusterConnector connector;
    private final TaskRunner runner;
    private final ProfileStore profiles;
    private final Consumer<ClusterConnection> onConnected;

    private final StringProperty hosts = new SimpleStringProperty("127.0.0.1");
    private final StringProperty port = new SimpleStringProperty("9042");
    private final StringProperty datacenter = new SimpleStringProperty("");
    private final ObservableList<String> datacenterSuggestions = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty(false);
    private final StringProperty truststore = new SimpleStringProperty("");
    private final StringProperty truststorePassword = new SimpleStringProperty("");
    private final StringProperty caCertificate = new SimpleStringProperty("");
    private final StringProperty keystore = new SimpleStringProperty("");
    private final StringProperty keystorePassword = new SimpleStringProperty("");
    /** On by default: without it, any certificate the trusted CAs issued, for any name, would be accepted. */
    private final BooleanProperty verifyHostname = new SimpleBooleanProperty(true);
    private final StringProperty driverConfig = new SimpleStringProperty("");
    private final StringProperty profileName = new SimpleStringProperty("");
    private final ObservableList<ConnectionProfile> savedProfiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selectedProfile = new SimpleObjectProperty<>();

    private final ReadOnlyStringWrapper hostsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper truststoreError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caCertificateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keystoreError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper driverConfigError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected.");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;

    public ConnectViewModel(ClusterConnector connector, TaskRunner runner, ProfileStore profiles,
                            Consumer<ClusterConnection> onConnected) {
        this.connector = connector;
        this.runner = runner;
        this.profiles = profiles;
        this.onConnected = onConnected;
        validateOnChange(hosts, this::validateHosts);
        validateOnChange(port, this::validatePort);
        validateOnChange(user, this::validateUser);
        validateOnChange(password, this::validateUser);
        validateOnChange(truststore, () -> validateFile(truststore, truststoreError, "Truststore"));
        validateOnChange(caCertificate, () -> validateFile(caCertificate, caCertificateError, "CA certificate"));
        validateOnChange(keystore, () -> validateFile(keystore, keystoreError, "Client certificate keystore"));
        validateOnChange(driverConfig, () -> validateFile(driverConfig, driverConfigError, "Driver config file"));
        validateAll();
        valid = Bindings.createBooleanBinding(() -> hostsError.get().isEmpty() && portError.get().isEmpty()
                        && userError.get().isEmpty() && truststoreError.get().isEmpty() && caCertificateError.get().isEmpty()
                        && keystoreError.get().isEmpty() && driverConfigError.get().isEmpty(),
                hostsError, portError, userError, truststoreError, caCertificateError, keystoreError, driverConfigError);
        savedProfiles.setAll(profiles.load());
        selectedProfile.addListener((o, was, now) -> {
            if (now != null) {
                load(now);
            }
        });
    }

    private void validateOnChange(ObservableValue<String> field, Runnable check) {
        field.addListener((o, was, now) -> check.run());
    }

    private void validateAll() {
        validateHosts();
        validatePort();
        validateUser();
        validateFile(truststore, truststoreError, "Truststore");
        validateFile(caCertificate, caCertificateError, "CA certificate");
        validateFile(keystore, keystoreError, "Client certificate keystore");
        validateFile(driverConfig, driverConfigError, "Driver config file");
    }

    private void validateHosts() {
        List<String> list = hostList();
        if (list.isEmpty()) {
            hostsError.set("Enter at least one contact point, e.g. 10.0.0.5 or cassandra-1:9042.");
            return;
        }
        hostsError.set(list.stream().map(ContactPoints::problem).flatMap(java.util.Optional::stream).findFirst()
                .map(p -> "Contact point " + p).orElse(""));
    }

    private void validatePort() {
        String text = port.get() == null ? "" : port.get().trim();
        if (!text.matches("[-+]?\\d{1,9}")) {
            portError.set("The port must be a whole number from " + ContactPoints.MIN_PORT + " to "
                    + ContactPoints.MAX_PORT + ", usually " + ContactPoints.DEFAULT_PORT + ".");
            return;
        }
        portError.set(ContactPoints.portProblem(Integer.parseInt(text)).map(p -> "The port " + p).orElse(""));
    }

    private void validateUser() {
        boolean hasUser = !user.get().isBlank();
        boolean hasPassword = !password.get().isEmpty();
        userError.set(!hasUser && hasPassword ? "Enter the user name that goes with the password." : "");
    }

    private void validateFile(StringProperty field, ReadOnlyStringWrapper error, String what) {
        String value = field.get().trim();
        if (value.isEmpty()) {
            error.set("");
        } else if (!Files.isRegularFile(Path.of(value))) {
            error.set(what + " not found: " + value + ". Choose an existing file or clear the field.");
        } else if (!Files.isReadable(Path.of(value))) {
            error.set(what + " is not readable: " + value + ".");
        } else {
            error.set("");
        }
    }

    private List<String> hostList() {
        return Arrays.stream(hosts.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The settings the fields describe (call only when {@link #validProperty()} is true). */
    public ConnectionSettings settings() {
        TlsSettings tls = null;
        if (!truststore.get().isBlank() || !caCertificate.get().isBlank() || !keystore.get().isBlank()) {
            tls = new TlsSettings(path(truststore), blankToNull(truststorePassword.get()), path(caCertificate),
                    path(keystore), blankToNull(keystorePassword.get()), verifyHostname.get());
        }
        return new ConnectionSettings(hostList(), Integer.parseInt(port.get().trim()), blankToNull(datacenter.get()),
                blankToNull(user.get()), user.get().isBlank() ? null : password.get(), tls, path(driverConfig),
                ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    private static Path path(StringProperty p) {
        return p.get().isBlank() ? null : Path.of(p.get().trim());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Opens a connection, reports the cluster and its datacenters, and closes it again. */
    public void testConnection() {
        if (!valid.get() || busy.get()) {
            return;
        }
        ConnectionSettings settings = settings();
        begin("Testing " + settings.describe() + " …");
        runner.run("test-connection", () -> {
            try (ClusterConnection c = connector.connect(settings)) {
                return new Object[] {c.description(), c.datacenters()};
            }
        }, result -> {
            @SuppressWarnings("unchecked") List<String> dcs = (List<String>) result[1];
            suggest(dcs);
            end("Connection works: " + result[0] + ".", false);
        }, error -> end(failure(error), true));
    }

    /** The message for a failed connection, with the app's own advice where a setting here is the fix. */
    private static String failure(Throwable error) {
        String message = Messages.of(error);
        if (Messages.cause(error) instanceof dev.ringside.cluster.ConnectionException c) {
            switch (c.kind()) {
                case TLS_UNTRUSTED -> message += " Choose it under CA certificate or Truststore.";
                case TLS_HOSTNAME_MISMATCH -> message += " To accept it anyway, untick \"Verify the server's host name\".";
                default -> { }
            }
        }
        return message;
    }

    /** Connects for good and hands the connection to the rest of the app. */
    public void connect() {
        if (!valid.get() || busy.get()) {
            return;
        }
        ConnectionSettings settings = settings();
        begin("Connecting to " + settings.describe() + " …");
        runner.run("connect", () -> {
            ClusterConnection c = connector.connect(settings);
            return new Object[] {c, c.description(), c.datacenters()};
        }, result -> {
            @SuppressWarnings("unchecked") List<String> dcs = (List<String>) result[2];
            suggest(dcs);
            end("Connected: " + result[1] + ".", false);
            onConnected.accept((ClusterConnection) result[0]);
        }, error -> end(failure(error), true));
    }

    private void suggest(List<String> dcs) {
        datacenterSuggestions.setAll(dcs);
        if (datacenter.get().isBlank() && dcs.size() == 1) {
            datacenter.set(dcs.get(0));
        }
    }

    private void begin(String message) {
        busy.set(true);
        statusIsError.set(false);
        status.set(message);
    }

    private void end(String message, boolean error) {
        busy.set(false);
        statusIsError.set(error);
        status.set(message);
    }

    /** Saves (or replaces) the profile named in the profile field; the password only if asked, encrypted. */
    public void saveProfile() {
        String name = profileName.get().isBlank() ? hostList().stream().findFirst().orElse("cluster") : profileName.get().trim();
        try {
            String sealed = rememberPassword.get() && !password.get().isEmpty() ? profiles.secrets().encrypt(password.get()) : null;
            ConnectionProfile p = new ConnectionProfile(name, hosts.get().trim(), Integer.parseInt(port.get().trim()),
                    datacenter.get().trim(), user.get().trim(), sealed, truststore.get().trim(), caCertificate.get().trim(),
                    keystore.get().trim(), verifyHostname.get(), driverConfig.get().trim());
            List<ConnectionProfile> all = new ArrayList<>(savedProfiles);
            all.removeIf(x -> x.name().equals(name));
            all.add(p);
            all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
            profiles.save(all);
            savedProfiles.setAll(all);
            profileName.set(name);
            end("Saved profile '" + name + "'" + (sealed != null ? " with its password (encrypted)." : " without a password."), false);
        } catch (IOException | NumberFormatException e) {
            end("Could not save the profile: " + Messages.of(e), true);
        }
    }

    public void deleteProfile() {
        ConnectionProfile p = selectedProfile.get();
        if (p == null) {
            return;
        }
        List<ConnectionProfile> all = new ArrayList<>(savedProfiles);
        all.remove(p);
        try {
            profiles.save(all);
            savedProfiles.setAll(all);
            end("Deleted profile '" + p.name() + "'.", false);
        } catch (IOException e) {
            end("Could not delete the profile: " + Messages.of(e), true);
        }
    }

    private void load(ConnectionProfile p) {
        profileName.set(p.name());
        hosts.set(p.hosts());
        port.set(Integer.toString(p.port()));
        datacenter.set(nullToEmpty(p.datacenter()));
        user.set(nullToEmpty(p.user()));
        truststore.set(nullToEmpty(p.truststore()));
        caCertificate.set(nullToEmpty(p.caCertificate()));
        keystore.set(nullToEmpty(p.keystore()));
        verifyHostname.set(p.verifyHostname());
        driverConfig.set(nullToEmpty(p.driverConfig()));
        rememberPassword.set(p.encryptedPassword() != null);
        password.set("");
        if (p.encryptedPassword() != null) {
            try {
                password.set(profiles.secrets().decrypt(p.encryptedPassword()));
            } catch (IOException e) {
                end(e.getMessage(), true);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Fills the fields from the demo's launch parameters. */
    public void prefill(String hostList, String dc, String userName, String pass) {
        if (hostList != null) {
            hosts.set(hostList);
        }
        if (dc != null) {
            datacenter.set(dc);
        }
        if (userName != null) {
            user.set(userName);
        }
        if (pass != null) {
            password.set(pass);
        }
    }

    public StringProperty hostsProperty() { return hosts; }
    public StringProperty portProperty() { return port; }
    public StringProperty datacenterProperty() { return datacenter; }
    public ObservableList<String> datacenterSuggestions() { return datacenterSuggestions; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty rememberPasswordProperty() { return rememberPassword; }
    public StringProperty truststoreProperty() { return truststore; }
    public StringProperty truststorePasswordProperty() { return truststorePassword; }
    public StringProperty caCertificateProperty() { return caCertificate; }
    public StringProperty keystoreProperty() { return keystore; }
    public StringProperty keystorePasswordProperty() { return keystorePassword; }
    public BooleanProperty verifyHostnameProperty() { return verifyHostname; }
    public StringProperty driverConfigProperty() { return driverConfig; }
    public StringProperty profileNameProperty() { return profileName; }
    public ObservableList<ConnectionProfile> savedProfiles() { return savedProfiles; }
    public ObjectProperty<ConnectionProfile> selectedProfileProperty() { return selectedProfile; }
    public ReadOnlyStringProperty hostsErrorProperty() { return hostsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty portErrorProperty() { return portError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty userErrorProperty() { return userError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty truststoreErrorProperty() { return truststoreError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty caCertificateErrorProperty() { return caCertificateError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty keystoreErrorProperty() { return keystoreError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty driverConfigErrorProperty() { return driverConfigError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty statusIsErrorProperty() { return statusIsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanBinding validProperty() { return valid; }
}
