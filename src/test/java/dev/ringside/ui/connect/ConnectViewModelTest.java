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
        vm.hostsProperty().set(" , ");
        assertThat(vm.hostsErrorProperty().get()).startsWith("Enter at least one contact point");
        vm.hostsProperty().set("10.0.0.1 10.0.0.2");
        assertThat(vm.hostsErrorProperty().get()).contains("separate contact points with commas");
        vm.hostsProperty().set("10.0.0.1, 10.0.0.2:9043");
        assertThat(vm.hostsErrorProperty().get()).isEmpty();
        vm.portProperty().set("0");
        assertThat(vm.portErrorProperty().get()).contains("between 1 and 65535");
        vm.portProperty().set("nine");
        assertThat(vm.portErrorProperty().get()).contains("must be a whole number from 1 to 65535");
        assertThat(vm.validProperty().get()).isFalse();
        vm.portProperty().set("9042");
        vm.passwordProperty().set("p");
        assertThat(vm.userErrorProperty().get()).contains("user name");
        vm.userProperty().set("analyst");
        assertThat(vm.userErrorProperty().get()).isEmpty();
        vm.caCertificateProperty().set(dir.resolve("nope.pem").toString());
        assertThat(vm.caCertificateErrorProperty().get()).startsWith("CA certificate not found");
        vm.caCertificateProperty().set(Files.writeString(dir.resolve("ca.pem"), "x").toString());
        assertThat(vm.caCertificateErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        ConnectionSettings s = vm.settings();
        assertThat(s.contactPoints()).containsExactly("10.0.0.1", "10.0.0.2:9043");
        assertThat(s.tls().caCertificate()).isEqualTo(dir.resolve("ca.pem"));
    }

    @Test
    void passwordsAreSavedOnlyWhenAskedAndNeverInPlainText() throws Exception {
        ConnectViewModel vm = vm();
        vm.profileNameProperty().set("prod");
        vm.userProperty().set("analyst");
        vm.passwordProperty().set("s3cret-pass");
        vm.saveProfile();
        assertThat(Files.readString(dir.resolve("profiles.json"))).contains("\"prod\"").doesNotContain("s3cret-pass");
        assertThat(vm.savedProfiles().get(0).encryptedPassword()).isNull();

        vm.rememberPasswordProperty().set(true);
        vm.saveProfile();
        assertThat(Files.readString(dir.resolve("profiles.json"))).doesNotContain("s3cret-pass");
        assertThat(vm.savedProfiles()).hasSize(1);
        assertThat(vm.savedProfiles().get(0).encryptedPassword()).isNotBlank();

        ConnectViewModel later = vm();
        later.selectedProfileProperty().set(later.savedProfiles().get(0));
        assertThat(later.userProperty().get()).isEqualTo("analyst");
        assertThat(later.passwordProperty().get()).isEqualTo("s3cret-pass");
    }

    @Test
    void connectsSuggestsTheDatacenterAndReportsFailuresClearly(SharedSandbox sandbox) {
        ConnectViewModel vm = vm();
        vm.hostsProperty().set("127.0.0.1");
        vm.portProperty().set("1");
        vm.connect();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Cannot connect to Cassandra at 127.0.0.1:1");
        assertThat(connected).isEmpty();

        ConnectionSettings s = sandbox.connectionSettings();
        vm.hostsProperty().set(String.join(",", s.contactPoints()));
        vm.portProperty().set(Integer.toString(s.port()));
        vm.userProperty().set(s.username());
        vm.passwordProperty().set("wrong");
        vm.testConnection();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).containsIgnoringCase("password");

        vm.passwordProperty().set(s.password());
        vm.testConnection();
        assertThat(vm.statusProperty().get()).startsWith("Connection works: 3 nodes (3 up), datacenter1");
        assertThat(vm.datacenterSuggestions()).containsExactly("datacenter1");
        assertThat(vm.datacenterProperty().get()).isEqualTo("datacenter1");
        vm.connect();
        assertThat(connected).hasSize(1);
        connected.get(0).close();
    }
}
