package dev.ringside.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.sandbox.SandboxTls;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.TcpForwarder;
import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS and password authentication on a real node (the one-node TLS sandbox), through the CLI as a user runs it: the
 * right CA and password give exact results; an unknown CA, a host-name mismatch and a wrong password each give one
 * clear message and exit 2, never a stack trace.
 */
@ExtendWith(TlsSandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsAuthTest {

    private static final int ROWS = 1_000;

    private TlsSandbox sandbox;
    private Path passwordFile;
    @TempDir
    Path dir;

    @BeforeAll
    void setUp(TlsSandbox sandbox, @TempDir Path tmp) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("tlscli");
        session.execute("CREATE TABLE tlscli.t (id uuid PRIMARY KEY, n bigint, t text, d double, ts timestamp)");
        session.checkSchemaAgreement();
        dev.ringside.engine.export.ExportEngineTestAccess.fill(session, "tlscli.t", ROWS);
        passwordFile = tmp.resolve("password");
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, sandbox.password() + "\n");
    }

    private String[] args(String command, String host, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--host", host, "--user", sandbox.user(),
                "--password-file", passwordFile.toString(), "--keyspace", "tlscli", "--table", "t", "--quiet"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Caused by");
    }

    @Test
    void theRightCaAndPasswordCountExactly() {
        CliRun run = CliRun.of(args("count", sandbox.host(), "--tls-ca", sandbox.caPem().toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo(Integer.toString(ROWS));
        assertThat(run.err()).doesNotContain("Warning");
    }

    @Test
    void theTruststoreAndPasswordExportEveryRowOnce() throws Exception {
        Path out = dir.resolve("t.csv");
        CliRun run = CliRun.of(args("export", sandbox.host(), "--tls-truststore", sandbox.truststore().toString(),
                "--tls-truststore-password-file", sandbox.truststorePasswordFile().toString(), "--out", out.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> exported = ExportChecks.fileRows(ExportChecks.Format.CSV, List.of(out));
        assertThat(exported).hasSize(ROWS).isEqualTo(ExportChecks.tableRows(sandbox.session(), "tlscli.t"));
    }

    @Test
    void anUnknownCaIsNotTrusted() throws Exception {
        SandboxTls other = new SandboxTls(dir.resolve("other-ca"));
        other.ensureAuthority();
        CliRun run = CliRun.of(args("count", sandbox.host(), "--tls-ca", other.caPem().toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("certificate not trusted").contains(other.caPem().toString()).contains("--tls-ca");
        assertNoStackTrace(run);
    }

    @Test
    void theJavaRuntimesDefaultCasDoNotTrustAPrivateCa() {
        CliRun run = CliRun.of(args("count", sandbox.host(), "--tls"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("certificate not trusted").contains("default certificate authorities");
        assertNoStackTrace(run);
    }

    @Test
    void aHostNameTheCertificateDoesNotHoldIsRefusedUnlessVerificationIsTurnedOff() throws Exception {
        // 127.0.x.2 reaches the node through a byte-for-byte forwarder; the node's certificate names only 127.0.x.1.
        String otherAddress = sandbox.host().substring(0, sandbox.host().lastIndexOf('.')) + ".2";
        try (TcpForwarder alias = new TcpForwarder(otherAddress, new InetSocketAddress(sandbox.host(), 9042))) {
            CliRun refused = CliRun.of(args("count", alias.hostAndPort(), "--tls-ca", sandbox.caPem().toString()));
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("Refused to connect").contains("does not name the host")
                    .contains("--tls-no-hostname-verification");
            assertNoStackTrace(refused);

            CliRun optedOut = CliRun.of(args("count", alias.hostAndPort(), "--tls-ca", sandbox.caPem().toString(),
                    "--tls-no-hostname-verification"));
            assertThat(optedOut.exitCode()).as(optedOut.err()).isZero();
            assertThat(optedOut.out().trim()).isEqualTo(Integer.toString(ROWS));
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainly() throws Exception {
        Path wrong = dir.resolve("wrong");
        Files.createFile(wrong, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(wrong, "not-the-password\n");
        List<String> a = new ArrayList<>(List.of(args("count", sandbox.host(), "--tls-ca", sandbox.caPem().toString())));
        a.set(a.indexOf(passwordFile.toString()), wrong.toString());
        CliRun run = CliRun.of(a.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Authentication failed for user '" + sandbox.user() + "'")
                .contains("wrong user name or password");
        assertThat(run.err()).doesNotContain("not-the-password");
        assertNoStackTrace(run);
    }

    @Test
    void aWrongTruststorePasswordIsSaidPlainly() throws Exception {
        Path wrong = dir.resolve("wrong-store");
        Files.createFile(wrong, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(wrong, "not-the-store-password\n");
        CliRun run = CliRun.of(args("count", sandbox.host(), "--tls-truststore", sandbox.truststore().toString(),
                "--tls-truststore-password-file", wrong.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot open the truststore").contains("password is wrong");
        assertNoStackTrace(run);
    }

    @Test
    void aPlainTextClientIsRefusedAndToldTheServerMayRequireTls() {
        CliRun run = CliRun.of(args("count", sandbox.host()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("require TLS");
        assertNoStackTrace(run);
    }

    @Test
    void aPasswordFileOthersCanReadGetsAWarning() throws Exception {
        Path shared = dir.resolve("shared-password");
        Files.writeString(shared, sandbox.password() + "\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> a = new ArrayList<>(List.of(args("count", sandbox.host(), "--tls-ca", sandbox.caPem().toString())));
        a.set(a.indexOf(passwordFile.toString()), shared.toString());
        CliRun run = CliRun.of(a.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Warning: --password-file " + shared + " can be read by other users")
                .contains("chmod 600");
    }

    @Test
    void aClientCertificateKeystoreIsUsedAndItsWrongPasswordIsSaidPlainly() throws Exception {
        Path keystore = dir.resolve("client.p12");
        sandbox.tls().issue(keystore, "ringside-test-client", List.of());
        CliRun run = CliRun.of(args("count", sandbox.host(), "--tls-ca", sandbox.caPem().toString(),
                "--tls-keystore", keystore.toString(), "--tls-keystore-password-file", sandbox.truststorePasswordFile().toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path wrong = dir.resolve("wrong-keystore-password");
        Files.createFile(wrong, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(wrong, "nope\n");
        CliRun refused = CliRun.of(args("count", sandbox.host(), "--tls-ca", sandbox.caPem().toString(),
                "--tls-keystore", keystore.toString(), "--tls-keystore-password-file", wrong.toString()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Cannot open the keystore " + keystore).contains("password is wrong");
        assertNoStackTrace(refused);
    }

    @Test
    void tlsOptionsThatCannotWorkAreRefusedBeforeConnecting() {
        String ca = sandbox.caPem().toString();
        String store = sandbox.truststore().toString();
        String pw = sandbox.truststorePasswordFile().toString();
        String missing = dir.resolve("missing.pem").toString();
        String[][] cases = {
                {"--tls-ca", ca, "--tls-truststore", store}, {"Use either --tls-ca or --tls-truststore, not both."},
                {"--tls-truststore-password-file", pw}, {"--tls-truststore-password-file needs --tls-truststore FILE."},
                {"--tls-keystore", store}, {"--tls-keystore needs its password: add --tls-keystore-password-file FILE."},
                {"--tls-keystore-password-file", pw}, {"--tls-keystore-password-file needs --tls-keystore FILE."},
                {"--tls-ca", missing}, {"--tls-ca: cannot read " + missing},
                {"--tls-truststore", missing}, {"--tls-truststore: cannot read " + missing},
        };
        for (int i = 0; i < cases.length; i += 2) {
            CliRun run = CliRun.of(args("count", sandbox.host(), cases[i]));
            assertThat(run.exitCode()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", cases[i])).contains(cases[i + 1][0]);
            assertNoStackTrace(run);
        }
    }
}
