package dev.ringside.ui.connect;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.ClusterConnector;
import dev.ringside.cluster.ConnectionException;
import dev.ringside.ui.common.AppFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connect screen's disk and network work runs through the task runner, never on the calling (UI) thread, and
 * its results land as the user expects: the latest input wins, profile writes keep their order. No stage, no cluster.
 */
class ConnectBackgroundWorkTest {

    @TempDir
    Path dir;
    private final DeferredTaskRunner runner = new DeferredTaskRunner();
    private final List<ClusterConnection> connected = new ArrayList<>();

    private ConnectViewModel vm(ClusterConnector connector) {
        ConnectViewModel vm = new ConnectViewModel(connector, runner, new ProfileStore(new AppFiles(dir)), connected::add);
        runner.runAll(); // the saved profiles
        return vm;
    }

    private ConnectViewModel vm() {
        return vm(settings -> {
            throw new ConnectionException("Cannot connect to Cassandra at " + settings.describe() + ".", null);
        });
    }

    @Test
    void aFileIsCheckedInTheBackgroundAndTheLatestTextWins() throws Exception {
        ConnectViewModel vm = vm();
        FileField ca = vm.tls().caCertificate();
        Path missing = dir.resolve("missing.pem");
        Path present = Files.writeString(dir.resolve("ca.pem"), "x");

        ca.textProperty().set(missing.toString());
        assertThat(runner.waiting()).containsExactly("check-file");
        assertThat(ca.checkingProperty().get()).isTrue();
        assertThat(vm.validProperty().get()).as("not valid until the file is known to be fine").isFalse();
        ca.textProperty().set(present.toString());
        assertThat(runner.waiting()).containsExactly("check-file", "check-file");

        runner.run(1); // the newer check answers first ...
        assertThat(ca.errorProperty().get()).isEmpty();
        assertThat(ca.checkingProperty().get()).isFalse();
        runner.run(0); // ... and the older one, for text no longer in the field, changes nothing
        assertThat(ca.errorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();

        ca.textProperty().set(missing.toString());
        runner.runAll();
        assertThat(ca.errorProperty().get())
                .isEqualTo("CA certificate not found: " + missing + ". Choose an existing file or clear the field.");
        assertThat(vm.validProperty().get()).isFalse();
        ca.textProperty().set("  ");
        assertThat(runner.waiting()).as("a blank field needs no check").isEmpty();
        assertThat(ca.errorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void anOlderCheckAnsweringLastDoesNotHideTheNewerError() throws Exception {
        ConnectViewModel vm = vm();
        FileField config = vm.driverConfig();
        config.textProperty().set(Files.writeString(dir.resolve("application.conf"), "").toString());
        config.textProperty().set(dir.resolve("gone.conf").toString());
        runner.run(1);
        runner.run(0);
        assertThat(config.errorProperty().get()).startsWith("Driver config file not found: ");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void savingAProfileWritesNothingOnTheCallingThread() throws Exception {
        ConnectViewModel vm = vm();
        saveProdWithItsPassword(vm);
        assertThat(runner.waiting()).containsExactly("save-profile");
        assertThat(dir).isEmptyDirectory(); // neither profiles.json nor the key that encrypts the password

        runner.runAll();
        assertThat(Files.readString(dir.resolve("profiles.json"))).contains("\"prod\"").doesNotContain("s3cret-pass");
        assertThat(dir.resolve("secret.key")).exists();
        assertThat(vm.statusProperty().get()).isEqualTo("Saved profile 'prod' with its password (encrypted).");
        assertThat(vm.profiles().saved()).extracting(ConnectionProfile::name).containsExactly("prod");
    }

    @Test
    void profileWritesRunOneAtATimeInTheOrderAsked() throws Exception {
        ConnectViewModel vm = vm();
        vm.profiles().nameProperty().set("b");
        vm.saveProfile();
        vm.profiles().nameProperty().set("a");
        vm.saveProfile();
        assertThat(runner.waiting()).as("the second waits for the first").containsExactly("save-profile");
        runner.runAll();
        assertThat(vm.profiles().saved()).extracting(ConnectionProfile::name).containsExactly("a", "b");

        vm.profiles().selectedProperty().set(vm.profiles().saved().get(1));
        vm.deleteProfile();
        runner.runAll();
        assertThat(vm.profiles().saved()).extracting(ConnectionProfile::name).containsExactly("a");
        assertThat(vm.statusProperty().get()).isEqualTo("Deleted profile 'b'.");
        assertThat(new ProfileStore(new AppFiles(dir)).load()).extracting(ConnectionProfile::name).containsExactly("a");
    }

    @Test
    void aRememberedPasswordIsReadInTheBackgroundForTheProfileStillChosen() throws Exception {
        ConnectViewModel first = vm();
        saveProdWithItsPassword(first);
        runner.runAll();

        ConnectViewModel later = vm();
        later.profiles().selectedProperty().set(later.profiles().saved().get(0));
        assertThat(later.auth().userProperty().get()).isEqualTo("analyst");
        assertThat(later.auth().passwordProperty().get()).isEmpty();
        assertThat(runner.waiting()).containsExactly("read-password");
        runner.runAll();
        assertThat(later.auth().passwordProperty().get()).isEqualTo("s3cret-pass");
    }

    @Test
    void testingAndConnectingRunInTheBackgroundAndSayWhatHappened() {
        ConnectViewModel failing = vm();
        failing.contactPoints().hostsProperty().set("10.0.0.9");
        failing.testConnection();
        assertThat(failing.statusProperty().get()).isEqualTo("Testing 10.0.0.9:9042 …");
        assertThat(failing.busyProperty().get()).isTrue();
        runner.runAll();
        assertThat(failing.statusProperty().get()).isEqualTo("Cannot connect to Cassandra at 10.0.0.9:9042.");
        assertThat(failing.statusIsErrorProperty().get()).isTrue();
        assertThat(failing.busyProperty().get()).isFalse();

        ConnectViewModel vm = vm(settings -> cluster("2 nodes (2 up), dc1, Cassandra 5.0.6", List.of("dc1")));
        vm.testConnection();
        runner.runAll();
        assertThat(vm.statusProperty().get()).isEqualTo("Connection works: 2 nodes (2 up), dc1, Cassandra 5.0.6.");
        assertThat(vm.contactPoints().datacenterProperty().get()).isEqualTo("dc1");
        assertThat(connected).isEmpty();
        vm.connect();
        assertThat(vm.statusProperty().get()).isEqualTo("Connecting to 127.0.0.1:9042 …");
        runner.runAll();
        assertThat(vm.statusProperty().get()).isEqualTo("Connected: 2 nodes (2 up), dc1, Cassandra 5.0.6.");
        assertThat(connected).hasSize(1);
    }

    private static void saveProdWithItsPassword(ConnectViewModel vm) {
        vm.profiles().nameProperty().set("prod");
        vm.auth().userProperty().set("analyst");
        vm.auth().passwordProperty().set("s3cret-pass");
        vm.auth().rememberPasswordProperty().set(true);
        vm.saveProfile();
    }

    /** A connection that only describes itself: enough for the connect screen. */
    private static ClusterConnection cluster(String description, List<String> datacenters) {
        return (ClusterConnection) Proxy.newProxyInstance(ClusterConnection.class.getClassLoader(),
                new Class<?>[] {ClusterConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "description" -> description;
                    case "datacenters" -> datacenters;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aFailedTestsMessageIsTakenBackWhenAFieldChanges() {
        ConnectViewModel vm = vm();
        vm.contactPoints().hostsProperty().set("127.0.0.1:1");
        vm.testConnection();
        runner.runAll();
        assertThat(vm.statusProperty().get()).startsWith("Cannot connect to Cassandra at 127.0.0.1:1");
        assertThat(vm.statusIsErrorProperty().get()).isTrue();

        vm.contactPoints().hostsProperty().set("127.0.0.1");
        assertThat(vm.statusProperty().get()).isEqualTo("Not connected.");
        assertThat(vm.statusIsErrorProperty().get()).isFalse();

        vm.testConnection();
        runner.runAll();
        vm.auth().userProperty().set("someone");
        assertThat(vm.statusProperty().get()).as("any input makes the outcome stale").isEqualTo("Not connected.");

        vm.testConnection();
        vm.contactPoints().portProperty().set("9043");
        assertThat(vm.statusProperty().get()).as("work under way keeps its line").startsWith("Testing");
        runner.runAll();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
    }
}
