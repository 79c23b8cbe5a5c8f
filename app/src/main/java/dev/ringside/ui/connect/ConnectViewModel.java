package dev.ringside.ui.connect;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.ClusterConnector;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.settings.SettingsFile;
import dev.ringside.app.settings.SharedProfile;
import dev.ringside.app.settings.SharedSettings;
import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.TaskRunner;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The connect screen: contact points, authentication, TLS and the driver config, each field checked as it is typed
 * (files in the background); "Test connection" (which also suggests the local datacenter), "Connect", and saved
 * profiles.
 */
public final class ConnectViewModel {

    /** What a test or a connection learnt about the cluster. */
    private record ClusterSummary(String description, List<String> datacenters) {

        static ClusterSummary of(ClusterConnection c) {
            return new ClusterSummary(c.description(), c.datacenters());
        }
    }

    private record Opened(ClusterConnection connection, ClusterSummary summary) {
    }

    private final ClusterConnector connector;
    private final TaskRunner runner;
    private final BiConsumer<ClusterConnection, ClusterEntry> onConnected;
    private final ConnectTexts texts = new ConnectTexts();
    private final ContactPointFields contactPoints = new ContactPointFields(texts);
    private final AuthFields auth = new AuthFields(texts);
    private final TlsFields tls;
    private final FileField driverConfig;
    private final StatusLine status = new StatusLine(texts.get("status.notConnected"));
    private final ProfileList profiles;
    private final BooleanBinding valid;
    /** What the status line says when no outcome is fresh: not connected, or the connection the app holds. */
    private String resting;

    public ConnectViewModel(ClusterConnector connector, TaskRunner runner, ProfileStore store,
                            Consumer<ClusterConnection> onConnected) {
        this(connector, runner, store, (BiConsumer<ClusterConnection, ClusterEntry>) (c, cluster) -> onConnected.accept(c));
    }

    /** A connect screen whose {@code onConnected} gets the new connection and the cluster it reaches, as job records keep it. */
    public static ConnectViewModel reportingCluster(ClusterConnector connector, TaskRunner runner, ProfileStore store,
                                                    BiConsumer<ClusterConnection, ClusterEntry> onConnected) {
        return new ConnectViewModel(connector, runner, store, onConnected);
    }

    private ConnectViewModel(ClusterConnector connector, TaskRunner runner, ProfileStore store,
                             BiConsumer<ClusterConnection, ClusterEntry> onConnected) {
        this.connector = connector;
        this.runner = runner;
        this.onConnected = onConnected;
        resting = texts.get("status.notConnected");
        tls = new TlsFields(runner, texts);
        driverConfig = new FileField(texts.get("driver.config.name"), runner, texts);
        valid = Bindings.createBooleanBinding(() -> contactPoints.valid() && auth.userErrorProperty().get().isEmpty()
                && files().allMatch(FileField::valid), dependencies());
        profiles = new ProfileList(store, runner, e -> status.show(texts.get("profile.loadFailed", Messages.of(e)), true));
        profiles.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                load(now);
            }
        });
        for (Observable input : inputs()) {
            input.addListener(o -> clearStale());
        }
    }

    /** Every field a test or connection reads: a change makes the last test's outcome stale. */
    private List<Observable> inputs() {
        List<Observable> all = new ArrayList<>(List.of(contactPoints.hostsProperty(), contactPoints.portProperty(),
                contactPoints.datacenterProperty(), auth.userProperty(), auth.passwordProperty(),
                tls.truststorePasswordProperty(), tls.keystorePasswordProperty(), tls.verifyHostnameProperty()));
        files().forEach(f -> all.add(f.textProperty()));
        return all;
    }

    /**
     * An outcome said about other settings than the fields now hold (a failed test's "Cannot connect …") is taken
     * back: the line returns to whether the app is connected. Work under way keeps its line until it ends.
     */
    private void clearStale() {
        if (!status.busyProperty().get()) {
            status.show(resting, false);
        }
    }

    private Stream<FileField> files() {
        return Stream.concat(tls.files().stream(), Stream.of(driverConfig));
    }

    private Observable[] dependencies() {
        List<Observable> all = new ArrayList<>(List.of(contactPoints.hostsErrorProperty(), contactPoints.portErrorProperty(),
                auth.userErrorProperty()));
        files().forEach(f -> all.addAll(List.of(f.errorProperty(), f.checkingProperty())));
        return all.toArray(Observable[]::new);
    }

    /** The settings the fields describe (call only when {@link #validProperty()} is true). */
    public ConnectionSettings settings() {
        return new ConnectionSettings(contactPoints.hostList(), contactPoints.portNumber(),
                blankToNull(contactPoints.datacenterProperty().get()), auth.userOrNull(), auth.passwordOrNull(),
                tls.settingsOrNull(), driverConfig.pathOrNull(), ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Opens a connection, reports the cluster and its datacenters, and closes it again. */
    public void testConnection() {
        if (!valid.get() || status.busyProperty().get()) {
            return;
        }
        ConnectionSettings settings = settings();
        status.begin(texts.get("status.testing", settings.describe()));
        runner.run("test-connection", () -> {
            try (ClusterConnection c = connector.connect(settings)) {
                return ClusterSummary.of(c);
            }
        }, summary -> {
            contactPoints.suggest(summary.datacenters());
            status.end(texts.get("status.works", summary.description()), false);
        }, error -> status.end(failure(error), true));
    }

    /** Connects for good and hands the connection to the rest of the app. */
    public void connect() {
        if (!valid.get() || status.busyProperty().get()) {
            return;
        }
        ConnectionSettings settings = settings();
        ClusterEntry cluster = ClusterEntry.of(profileName(), settings);
        status.begin(texts.get("status.connecting", settings.describe()));
        runner.run("connect", () -> {
            ClusterConnection c = connector.connect(settings);
            return new Opened(c, ClusterSummary.of(c));
        }, opened -> {
            contactPoints.suggest(opened.summary().datacenters());
            resting = texts.get("status.connected", opened.summary().description());
            status.end(resting, false);
            onConnected.accept(opened.connection(), cluster);
        }, error -> status.end(failure(error), true));
    }

    /** The saved profile the fields came from, while its name is still in the profile field; else null. */
    private String profileName() {
        ConnectionProfile p = profiles.selectedProperty().get();
        return p != null && p.name().equals(profiles.nameProperty().get().trim()) ? p.name() : null;
    }

    /** The message for a failed connection, with the app's own advice where a setting here is the fix. */
    private String failure(Throwable error) {
        String message = Messages.of(error);
        if (Messages.cause(error) instanceof ConnectionException c) {
            switch (c.kind()) {
                case TLS_UNTRUSTED -> message += " " + texts.get("advice.untrusted");
                case TLS_HOSTNAME_MISMATCH -> message += " " + texts.get("advice.hostnameMismatch", texts.get("tls.verifyHostname"));
                default -> { }
            }
        }
        return message;
    }

    /**
     * Saves (or replaces) the profile named in the profile field; the password only if asked, encrypted. The file is
     * written in the background.
     */
    public void saveProfile() {
        String typed = profiles.nameProperty().get();
        String name = typed.isBlank() ? contactPoints.hostList().stream().findFirst().orElse(texts.get("profile.defaultName")) : typed.trim();
        if (!contactPoints.portErrorProperty().get().isEmpty()) {
            status.show(texts.get("profile.saveFailed", contactPoints.portErrorProperty().get()), true);
            return;
        }
        ConnectionProfile profile = new ConnectionProfile(name, contactPoints.hostsProperty().get().trim(),
                contactPoints.portNumber(), contactPoints.datacenterProperty().get().trim(), auth.userProperty().get().trim(),
                null, tls.truststore().textProperty().get().trim(), tls.caCertificate().textProperty().get().trim(),
                tls.keystore().textProperty().get().trim(), tls.verifyHostnameProperty().get(),
                driverConfig.textProperty().get().trim());
        profiles.nameProperty().set(name);
        profiles.save(profile, auth.passwordToRemember(),
                withPassword -> status.end(texts.get(withPassword ? "profile.savedWithPassword" : "profile.saved", name), false),
                error -> status.end(texts.get("profile.saveFailed", Messages.of(error)), true));
    }

    /** Writes every saved profile to a file to share (in the background); no password, not even an encrypted one. */
    public void exportProfiles(Path file) {
        List<SharedProfile> shared = profiles.saved().stream().map(ConnectionProfile::toShared).toList();
        if (shared.isEmpty()) {
            status.show(texts.get("profiles.nothingToExport"), true);
            return;
        }
        runner.run("export-profiles", () -> {
            new SettingsFile().write(file, SharedSettings.ofProfiles(shared));
            return shared.size();
        }, n -> status.end(texts.get("profiles.exported", n, file), false),
                error -> status.end(texts.get("profiles.exportFailed", file, Messages.of(error)), true));
    }

    /** Adds the profiles of a shared file to the saved ones; none is replaced (see {@link ProfileList#importProfiles}). */
    public void importProfiles(Path file) {
        runner.run("read-profiles", () -> new SettingsFile().read(file), settings -> {
            if (settings.profiles().isEmpty()) {
                status.show(texts.get("profiles.noneInFile", file.getFileName()), true);
                return;
            }
            List<ConnectionProfile> incoming = settings.profiles().stream().map(ConnectionProfile::of).toList();
            profiles.importProfiles(incoming,
                    added -> status.end(texts.get("profiles.imported", added, incoming.size() - added), false),
                    error -> status.end(texts.get("profiles.importFailed", Messages.of(error)), true));
        }, error -> status.end(texts.get("profiles.importFailed", Messages.of(error)), true));
    }

    /**
     * Fills the fields with a recorded cluster (its saved profile first, when there is one by that name, for its
     * remembered password) and connects when no password is needed; otherwise says to type it and connect.
     */
    public void useCluster(ClusterEntry c) {
        profiles.saved().stream().filter(p -> p.name().equals(c.profile())).findFirst()
                .ifPresent(p -> profiles.selectedProperty().set(p));
        contactPoints.hostsProperty().set(String.join(", ", c.contactPoints()));
        contactPoints.portProperty().set(Integer.toString(c.port()));
        contactPoints.datacenterProperty().set(nullToEmpty(c.localDc()));
        auth.userProperty().set(nullToEmpty(c.user()));
        tls.truststore().textProperty().set(nullToEmpty(c.truststore()));
        tls.caCertificate().textProperty().set(nullToEmpty(c.caCertificate()));
        tls.keystore().textProperty().set(nullToEmpty(c.keystore()));
        tls.verifyHostnameProperty().set(c.verifyHostname());
        driverConfig.textProperty().set(nullToEmpty(c.driverConfig()));
        // A remembered password is decrypted in the background, so it may not be there yet: the user presses Connect.
        boolean needsPassword = c.user() != null && auth.passwordProperty().get().isEmpty();
        if (needsPassword || (c.tls() && c.truststorePassword())) {
            status.show(texts.get("status.enterPassword", c.describe()), false);
        } else {
            connect();
        }
    }

    public void deleteProfile() {
        ConnectionProfile p = profiles.selectedProperty().get();
        if (p == null) {
            return;
        }
        profiles.delete(p, () -> status.end(texts.get("profile.deleted", p.name()), false),
                error -> status.end(texts.get("profile.deleteFailed", Messages.of(error)), true));
    }

    private void load(ConnectionProfile p) {
        profiles.nameProperty().set(p.name());
        contactPoints.hostsProperty().set(p.hosts());
        contactPoints.portProperty().set(Integer.toString(p.port()));
        contactPoints.datacenterProperty().set(nullToEmpty(p.datacenter()));
        auth.userProperty().set(nullToEmpty(p.user()));
        tls.truststore().textProperty().set(nullToEmpty(p.truststore()));
        tls.caCertificate().textProperty().set(nullToEmpty(p.caCertificate()));
        tls.keystore().textProperty().set(nullToEmpty(p.keystore()));
        tls.verifyHostnameProperty().set(p.verifyHostname());
        driverConfig.textProperty().set(nullToEmpty(p.driverConfig()));
        auth.rememberPasswordProperty().set(p.encryptedPassword() != null);
        auth.passwordProperty().set("");
        if (p.encryptedPassword() != null) {
            profiles.unseal(p, password -> {
                if (p.equals(profiles.selectedProperty().get())) {
                    auth.passwordProperty().set(password);
                }
            }, error -> status.end(Messages.of(error), true));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Fills the fields from the demo's launch parameters. */
    public void prefill(String hostList, String dc, String userName, String pass) {
        if (hostList != null) {
            contactPoints.hostsProperty().set(hostList);
        }
        if (dc != null) {
            contactPoints.datacenterProperty().set(dc);
        }
        if (userName != null) {
            auth.userProperty().set(userName);
        }
        if (pass != null) {
            auth.passwordProperty().set(pass);
        }
    }

    public ContactPointFields contactPoints() { return contactPoints; }
    public AuthFields auth() { return auth; }
    public TlsFields tls() { return tls; }
    public FileField driverConfig() { return driverConfig; }
    public ProfileList profiles() { return profiles; }
    public ReadOnlyStringProperty statusProperty() { return status.textProperty(); }
    public ReadOnlyBooleanProperty statusIsErrorProperty() { return status.errorProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return status.busyProperty(); }
    public BooleanBinding validProperty() { return valid; }
}
