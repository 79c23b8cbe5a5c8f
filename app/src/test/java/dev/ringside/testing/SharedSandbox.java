package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The one sandbox cluster of a test run: 3 nodes on 127.0.1.1-3 (clear of a developer's own sandbox on 127.0.0.x),
 * or all on 127.0.1.1 with ports 9042-9044 under {@code -Dringside.sandbox.singleAddress=true}; 16 vnodes each,
 * password authentication on. Started by {@link SandboxExtension} on first use, stopped when the
 * run ends.
 */
public final class SharedSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSandbox.class);
    public static final int NODES = 3;

    private final LocalCluster cluster;
    private final CqlSession session;

    private SharedSandbox(LocalCluster cluster, CqlSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    static SharedSandbox start() throws Exception {
        Path dir = Path.of(System.getProperty("ringside.sandbox.dir", "target/sandbox-test")).toAbsolutePath();
        // Another checkout's test run can use other addresses: -Dringside.sandbox.addressBase=127.0.2 -Dringside.sandbox.jmxBase=7400
        String base = System.getProperty("ringside.sandbox.addressBase", "127.0.1");
        int jmxBase = Integer.getInteger("ringside.sandbox.jmxBase", 7300);
        SandboxSettings settings = new SandboxSettings(dir, NODES, base, 9042, jmxBase, 16, true, "512m",
                Duration.ofMinutes(4));
        // The whole suite on nodes that share one address, as a Mac runs them: -Dringside.sandbox.singleAddress=true
        if (Boolean.getBoolean("ringside.sandbox.singleAddress")) {
            settings = settings.withSingleAddress(true, settings.nativePort());
        }
        return start(settings, "Shared sandbox");
    }

    /** A fresh cluster of the given shape, for a test class that owns it (close it when done). */
    public static SharedSandbox start(SandboxSettings settings, String name) throws Exception {
        LocalCluster cluster = FreshCluster.start(settings, name);
        return new SharedSandbox(cluster, new SessionFactory().open(cluster.connectionSettings()));
    }

    /** A session as the sandbox's superuser, shared by the tests: do not close it. */
    public CqlSession session() {
        return session;
    }

    public LocalCluster cluster() {
        return cluster;
    }

    public ConnectionSettings connectionSettings() {
        return cluster.connectionSettings();
    }

    /** A new session of one's own (close it). */
    public CqlSession newSession() throws ConnectionException {
        return new SessionFactory().open(connectionSettings());
    }

    /** "127.0.1.1" — the first node's address (its CQL port is the default 9042 in both modes). */
    public String host() {
        return cluster.settings().address(1);
    }

    /** Creates (or re-creates) a keyspace with SimpleStrategy and the given replication factor. */
    public void recreateKeyspace(String keyspace, int rf) {
        session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
        session.execute("CREATE KEYSPACE " + keyspace + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + rf + "}");
        session.checkSchemaAgreement();
    }

    /**
     * Simulates a crash of one node (SIGKILL). Waits half a second first: the sandbox syncs its commit log every
     * 50 ms, and a crash would otherwise also lose the last writes the test made, which no real test wants.
     */
    public void crash(int node) throws Exception {
        Thread.sleep(500);
        cluster.kill(node);
    }

    /**
     * Freezes a node with SIGSTOP: it stays up to the driver and keeps its connections, but answers nothing, like a
     * node in a long GC pause. {@link #unpause} lets it go on.
     */
    public void pause(int node) throws Exception {
        signal(node, "-STOP");
    }

    public void unpause(int node) throws Exception {
        signal(node, "-CONT");
    }

    private void signal(int node, String signal) throws Exception {
        long pid = cluster.status().get(node - 1).pid();
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " failed");
        }
        LOG.info("Sent SIG{} to node {} (pid {})", signal.substring(1), node, pid);
    }

    @Override
    public void close() throws Exception {
        session.close();
        // Test data is thrown away: no need to let the nodes drain.
        cluster.stop(Duration.ofSeconds(2));
    }
}
