package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SandboxSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The run's two-datacenter sandbox: node 1 in {@code dc1} on 127.0.9.1, node 2 in {@code dc2} on 127.0.9.2
 * (GossipingPropertyFileSnitch), 8 vnodes each, no password, no TLS. Its connection settings name {@code dc1} as the
 * local datacenter. Started by {@link TwoDcSandboxExtension} on first use, stopped when the run ends.
 *
 * <p>Other addresses: {@code -Dringside.sandbox.twoDcAddressBase=127.0.19 -Dringside.sandbox.twoDcJmxBase=7910}.
 */
public final class TwoDcSandbox implements AutoCloseable {

    public static final String LOCAL_DC = "dc1";
    public static final String REMOTE_DC = "dc2";

    private final LocalCluster cluster;
    private final CqlSession session;

    private TwoDcSandbox(LocalCluster cluster, CqlSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    static TwoDcSandbox start() throws Exception {
        Path dir = Path.of(System.getProperty("ringside.sandbox.twoDcDir", "target/sandbox-2dc")).toAbsolutePath();
        String base = System.getProperty("ringside.sandbox.twoDcAddressBase", "127.0.9");
        int jmxBase = Integer.getInteger("ringside.sandbox.twoDcJmxBase", 7900);
        SandboxSettings settings = new SandboxSettings(dir, 2, base, 9042, jmxBase, 8, false, "512m",
                Duration.ofMinutes(4), 2, List.of(), false, false);
        LocalCluster cluster = FreshCluster.start(settings, "Two-datacenter sandbox");
        return new TwoDcSandbox(cluster, new SessionFactory().open(cluster.connectionSettings()));
    }

    /** A session with dc1 as local datacenter, shared by the tests: do not close it. */
    public CqlSession session() {
        return session;
    }

    public CqlSession newSession() throws ConnectionException {
        return new SessionFactory().open(connectionSettings());
    }

    public LocalCluster cluster() {
        return cluster;
    }

    /** Both nodes as contact points, local datacenter dc1. */
    public ConnectionSettings connectionSettings() {
        return cluster.connectionSettings();
    }

    /** The dc1 node's address, e.g. "127.0.9.1". */
    public String host() {
        return cluster.settings().address(1);
    }

    /** Node i's address. */
    public String address(int node) {
        return cluster.settings().address(node);
    }

    /** Creates (or re-creates) a keyspace with one replica in each datacenter: {@code {dc1: 1, dc2: 1}}. */
    public void recreateKeyspace(String keyspace) {
        session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
        session.execute("CREATE KEYSPACE " + keyspace + " WITH replication = {'class': 'NetworkTopologyStrategy', '"
                + LOCAL_DC + "': 1, '" + REMOTE_DC + "': 1}");
        session.checkSchemaAgreement();
    }

    @Override
    public void close() throws Exception {
        session.close();
        cluster.stop(Duration.ofSeconds(2));
    }
}
