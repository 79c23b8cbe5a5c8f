package dev.ringside.ui.connect;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The connect screen's logic without a stage: validation, profiles, password storage, connecting. */
@ExtendWith(SandboxExtension.class)
class ConnectViewModelTest {

    @TempDir
    Path dir;
    private final List<ClusterConnection> connected = new ArrayList<>();

    private ConnectViewModel vm() {
        return new ConnectViewModel(DriverClusterConnection.connector(), new SyncTaskRunner(),
                new ProfileStore(new AppFiles(dir)), connected::add);
    }

    @Test
    void everyFieldIsValidatedAsItIsTyped() throws Exception {
        ConnectViewModel vm = vm();
        assertThat(vm.validProperty().get()).isTrue();
        vm.contactPoints().hostsProperty().set(" , ");
        assertThat(vm.contactPoints().hostsErrorProperty().get()).startsWith("Enter at least one contact point");
        vm.contactPoints().hostsProperty().set("10.0.0.1 10.0.0.2");
        assertThat(vm.contactPoints().hostsErrorProperty().get()).contains("separate contact points with commas");
        vm.contactPoints().hostsProperty().set("10.0.0.1, 10.0.0.2:9043");
        assertThat(vm.contactPoints().hostsErrorProperty().get()).isEmpty();
        vm.contactPoints().portProperty().set("0");
        assertThat(vm.contactPoints().portErrorProperty().get()).contains("between 1 and 65535");
        vm.contactPoints().portProperty().set("nine");
        assertThat(vm.contactPoints().portErrorProperty().get()).contains("must be a whole number from 1 to 65535");
        assertThat(vm.validProperty().get()).isFalse();
        vm.contactPoints().portProperty().set("9042");
        vm.auth().passwordProperty().set("p");
        assertThat(vm.auth().userErrorProperty().get()).contains("user name");
        vm.auth().userProperty().set("analyst");
        assertThat(vm.auth().userErrorProperty().get()).isEmpty();
        vm.tls().caCertificate().textProperty().set(dir.resolve("nope.pem").toString());
        assertThat(vm.tls().caCertificate().errorProperty().get()).startsWith("CA certificate not found");
        vm.tls().caCertificate().textProperty().set(Files.writeString(dir.resolve("ca.pem"), "x").toString());
        assertThat(vm.tls().caCertificate().errorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        ConnectionSettings s = vm.settings();
        assertThat(s.contactPoints()).containsExactly("10.0.0.1", "10.0.0.2:9043");
        assertThat(s.tls().caCertificate()).isEqualTo(dir.resolve("ca.pem"));
    }

    @Test
    void passwordsAreSavedOnlyWhenAskedAndNeverInPlainText() throws Exception {
        ConnectViewModel vm = vm();
        vm.profiles().nameProperty().set("prod");
        vm.auth().userProperty().set("analyst");
        vm.auth().passwordProperty().set("s3cret-pass");
        vm.saveProfile();
        assertThat(Files.readString(dir.resolve("profiles.json"))).contains("\"prod\"").doesNotContain("s3cret-pass");
        assertThat(vm.profiles().saved().get(0).encryptedPassword()).isNull();

        vm.auth().rememberPasswordProperty().set(true);
        vm.saveProfile();
        assertThat(Files.readString(dir.resolve("profiles.json"))).doesNotContain("s3cret-pass");
        assertThat(vm.profiles().saved()).hasSize(1);
        assertThat(vm.profiles().saved().get(0).encryptedPassword()).isNotBlank();

        ConnectViewModel later = vm();
        later.profiles().selectedProperty().set(later.profiles().saved().get(0));
        assertThat(later.auth().userProperty().get()).isEqualTo("analyst");
        assertThat(later.auth().passwordProperty().get()).isEqualTo("s3cret-pass");
    }

    @Test
    void connectsSuggestsTheDatacenterAndReportsFailuresClearly(SharedSandbox sandbox) {
        ConnectViewModel vm = vm();
        vm.contactPoints().hostsProperty().set("127.0.0.1");
        vm.contactPoints().portProperty().set("1");
        vm.connect();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Cannot connect to Cassandra at 127.0.0.1:1");
        assertThat(connected).isEmpty();

        ConnectionSettings s = sandbox.connectionSettings();
        vm.contactPoints().hostsProperty().set(String.join(",", s.contactPoints()));
        vm.contactPoints().portProperty().set(Integer.toString(s.port()));
        vm.auth().userProperty().set(s.username());
        vm.auth().passwordProperty().set("wrong");
        vm.testConnection();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).containsIgnoringCase("password");

        vm.auth().passwordProperty().set(s.password());
        vm.testConnection();
        assertThat(vm.statusProperty().get()).startsWith("Connection works: 3 nodes (3 up), datacenter1");
        assertThat(vm.contactPoints().datacenterSuggestions()).containsExactly("datacenter1");
        assertThat(vm.contactPoints().datacenterProperty().get()).isEqualTo("datacenter1");
        vm.connect();
        assertThat(connected).hasSize(1);
        connected.get(0).close();
    }
}
