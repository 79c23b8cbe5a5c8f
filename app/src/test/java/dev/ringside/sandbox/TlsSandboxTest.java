package dev.ringside.sandbox;

import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TLS sandbox: one node with the minimum token as its only token, TLS required, password required. */
@ExtendWith(TlsSandboxExtension.class)
class TlsSandboxTest {

    @Test
    void oneNodeWhoseOnlyTokenIsTheMinimum(TlsSandbox sandbox) {
        List<String> tokens = sandbox.session().execute("SELECT tokens FROM system.local").one().getSet("tokens", String.class)
                .stream().toList();
        assertThat(tokens).containsExactly(Long.toString(Long.MIN_VALUE));
        assertThat(sandbox.session().getMetadata().getNodes()).hasSize(1);
    }

    @Test
    void writesTheCaPemAndTruststoreBesideIt(TlsSandbox sandbox) throws Exception {
        assertThat(Files.readString(sandbox.caPem())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(sandbox.truststore()).isRegularFile().hasParent(sandbox.caPem().getParent());
        assertThat(sandbox.truststorePassword()).isNotBlank();
        // Private, so that passing it to --tls-truststore-password-file draws no warning.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox.truststorePasswordFile())))
                .isEqualTo("rw-------");
        try (var session = new SessionFactory().open(sandbox.truststoreSettings())) {
            assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
        }
    }

    @Test
    void refusesAClientWithoutTls(TlsSandbox sandbox) {
        ConnectionSettings tls = sandbox.connectionSettings();
        ConnectionSettings plain = new ConnectionSettings(tls.contactPoints(), tls.port(), tls.localDc(), tls.username(),
                tls.password(), null, null, tls.connectTimeout());
        assertThatThrownBy(() -> new SessionFactory().open(plain).close()).isInstanceOf(ConnectionException.class);
    }
}
