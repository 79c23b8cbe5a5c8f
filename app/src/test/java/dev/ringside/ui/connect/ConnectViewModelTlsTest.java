package dev.ringside.ui.connect;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.sandbox.SandboxTls;
import dev.ringside.testing.TcpForwarder;
import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The connect screen against the TLS + password sandbox node: CA file, truststore, and the failures users meet. */
@ExtendWith(TlsSandboxExtension.class)
class ConnectViewModelTlsTest {

    @TempDir
    Path dir;
    private final List<ClusterConnection> connected = new ArrayList<>();

    private ConnectViewModel vm(TlsSandbox sandbox) {
        ConnectViewModel vm = new ConnectViewModel(DriverClusterConnection.connector(), new SyncTaskRunner(),
                new ProfileStore(new AppFiles(dir)), connected::add);
        vm.contactPoints().hostsProperty().set(sandbox.host());
        vm.contactPoints().portProperty().set("9042");
        vm.auth().userProperty().set(sandbox.user());
        vm.auth().passwordProperty().set(sandbox.password());
        return vm;
    }

    @AfterEach
    void closeConnections() {
        connected.forEach(ClusterConnection::close);
    }

    @Test
    void hostNamesAreVerifiedByDefault(TlsSandbox sandbox) {
        ConnectViewModel vm = vm(sandbox);
        assertThat(vm.tls().verifyHostnameProperty().get()).isTrue();
        vm.tls().caCertificate().textProperty().set(sandbox.caPem().toString());
        assertThat(vm.settings().tls().verifyHostname()).isTrue();
    }

    @Test
    void connectsWithTheCaFile(TlsSandbox sandbox) {
        ConnectViewModel vm = vm(sandbox);
        vm.tls().caCertificate().textProperty().set(sandbox.caPem().toString());
        vm.connect();
        assertThat(vm.statusIsErrorProperty().get()).as(vm.statusProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Connected: 1 node");
        assertThat(connected).hasSize(1);
    }

    @Test
    void connectsWithTheTruststore(TlsSandbox sandbox) throws Exception {
        ConnectViewModel vm = vm(sandbox);
        vm.tls().truststore().textProperty().set(sandbox.truststore().toString());
        vm.tls().truststorePasswordProperty().set(sandbox.truststorePassword());
        vm.connect();
        assertThat(vm.statusIsErrorProperty().get()).as(vm.statusProperty().get()).isFalse();
        assertThat(connected).hasSize(1);
    }

    @Test
    void anUnknownCaIsNotTrusted(TlsSandbox sandbox) throws Exception {
        SandboxTls other = new SandboxTls(dir.resolve("other"));
        other.ensureAuthority();
        ConnectViewModel vm = vm(sandbox);
        vm.tls().caCertificate().textProperty().set(other.caPem().toString());
        vm.testConnection();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("certificate not trusted").contains("Choose it under CA certificate");
        assertThat(vm.statusProperty().get()).doesNotContain(sandbox.password() + "\"").doesNotContain("Exception");
    }

    @Test
    void aHostNameMismatchIsRefusedUntilVerificationIsUnticked(TlsSandbox sandbox) throws Exception {
        String otherAddress = sandbox.host().substring(0, sandbox.host().lastIndexOf('.')) + ".2";
        try (TcpForwarder alias = new TcpForwarder(otherAddress, new InetSocketAddress(sandbox.host(), 9042))) {
            ConnectViewModel vm = vm(sandbox);
            vm.contactPoints().hostsProperty().set(alias.hostAndPort());
            vm.tls().caCertificate().textProperty().set(sandbox.caPem().toString());
            vm.testConnection();
            assertThat(vm.statusIsErrorProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).contains("does not name the host")
                    .contains("untick \"Verify the server's host name\"");

            vm.tls().verifyHostnameProperty().set(false);
            vm.testConnection();
            assertThat(vm.statusIsErrorProperty().get()).as(vm.statusProperty().get()).isFalse();
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndNotShown(TlsSandbox sandbox) {
        ConnectViewModel vm = vm(sandbox);
        vm.tls().caCertificate().textProperty().set(sandbox.caPem().toString());
        vm.auth().passwordProperty().set("Wr0ng-Secret-42");
        vm.testConnection();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("wrong user name or password").doesNotContain("Wr0ng-Secret-42");
    }
}
