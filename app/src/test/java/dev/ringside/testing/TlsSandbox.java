package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.cluster.TlsSettings;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.sandbox.SandboxTls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The run's one-node TLS sandbox: a single node on 127.0.8.1 (clear of the shared sandbox and a developer's own),
 * with one token, -2^63 (the minimum token, so its ring is the one range {@code (MIN, MIN]}), TLS required (a
 * throwaway CA in {@code target/sandbox-tls/tls}) and password authentication. Started by
 * {@link TlsSandboxExtension} on first use, stopped when the run ends.
 *
 * <p>Other addresses: {@code -Dringside.sandbox.tlsAddressBase=127.0.18 -Dringside.sandbox.tlsJmxBase=7810}.
 */
public final class TlsSandbox implements AutoCloseable {

    /** The node's only token. */
    public static final String TOKEN = Long.toString(Long.MIN_VALUE);

    private final LocalCluster cluster;
    private final CqlSession session;

    private TlsSandbox(LocalCluster cluster, CqlSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    static TlsSandbox start() throws Exception {
        Path dir = Path.of(System.getProperty("ringside.sandbox.tlsDir", "target/sandbox-tls")).toAbsolutePath();
        String base = System.getProperty("ringside.sandbox.tlsAddressBase", "127.0.8");
        int jmxBase = Integer.getInteger("ringside.sandbox.tlsJmxBase", 7800);
        SandboxSettings settings = new SandboxSettings(dir, 1, base, 9042, jmxBase, 1, true, "512m",
                Duration.ofMinutes(4), 1, List.of(TOKEN), true, false);
        LocalCluster cluster = FreshCluster.start(settings, "TLS sandbox");
        return new TlsSandbox(cluster, new SessionFactory().open(cluster.connectionSettings()));
    }

    /** A session as the superuser, over TLS, shared by the tests: do not close it. */
    public CqlSession session() {
        return session;
    }

    /** A new session of one's own (close it). */
    public CqlSession newSession() throws ConnectionException {
        return new SessionFactory().open(connectionSettings());
    }

    public LocalCluster cluster() {
        return cluster;
    }

    /** The node's address, e.g. "127.0.8.1" (the only name its certificate holds). */
    public String host() {
        return cluster.settings().address(1);
    }

    /** Superuser settings verifying the node against the sandbox CA (PEM), host name checked. */
    public ConnectionSettings connectionSettings() {
        return cluster.connectionSettings();
    }

    /** The same, but trusting the CA through the PKCS#12 truststore and its password. */
    public ConnectionSettings truststoreSettings() throws IOException {
        ConnectionSettings s = connectionSettings();
        return new ConnectionSettings(s.contactPoints(), s.port(), s.localDc(), s.username(), s.password(),
                new TlsSettings(truststore(), truststorePassword(), null, null, null, true), null, s.connectTimeout());
    }

    /** The CA, its stores and the means to issue more certificates from it. */
    public SandboxTls tls() {
        return cluster.settings().tlsFiles();
    }

    public Path caPem() {
        return tls().caPem();
    }

    public Path truststore() {
        return tls().truststore();
    }

    /** A file whose first line is the truststore's password. */
    public Path truststorePasswordFile() {
        return tls().passwordFile();
    }

    public String truststorePassword() throws IOException {
        return tls().password();
    }

    public String user() {
        return SandboxSettings.USER;
    }

    public String password() {
        return SandboxSettings.PASSWORD;
    }

    /** Creates (or re-creates) a keyspace with replication factor 1. */
    public void recreateKeyspace(String keyspace) {
        session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
        session.execute("CREATE KEYSPACE " + keyspace + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.checkSchemaAgreement();
    }

    @Override
    public void close() throws Exception {
        session.close();
        cluster.stop(Duration.ofSeconds(2));
    }
}
