package dev.ringside.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The shape of a local sandbox cluster.
 *
 * @param dir          folder holding every node's data, logs and the state file
 * @param nodes        number of nodes, 1 to 5
 * @param addressBase  first three octets of the loopback addresses, e.g. {@code 127.0.0}; node i listens on base.i
 * @param nativePort   CQL port (the same on every node: each has its own address)
 * @param jmxBasePort  node i uses jmxBasePort + i for local JMX, which binds to one address only
 * @param numTokens    vnodes per node
 * @param auth         whether nodes require a password ({@link #USER}/{@link #PASSWORD})
 * @param heap         heap per node, e.g. {@code 512m}
 * @param startTimeout how long a node may take to answer CQL
 */
public record SandboxSettings(Path dir, int nodes, String addressBase, int nativePort, int jmxBasePort,
                              int numTokens, boolean auth, String heap, Duration startTimeout) {

    public static final String CASSANDRA_VERSION = "5.0.6";
    public static final String USER = "ringside";
    public static final String PASSWORD = "ringside";
    public static final int MAX_NODES = 5;

    public SandboxSettings {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be between 1 and " + MAX_NODES + " (got " + nodes + ").");
        }
        if (!addressBase.startsWith("127.")) {
            throw new IllegalArgumentException("The sandbox binds to loopback addresses only (127.x.y.z).");
        }
    }

    /** The user's sandbox: 127.0.0.1..N on the default ports. */
    public static SandboxSettings user(Path dir, int nodes, boolean auth) {
        return new SandboxSettings(dir, nodes, "127.0.0", 9042, 7200, 16, auth, "512m", Duration.ofMinutes(3));
    }

    public String address(int node) {
        return addressBase + "." + node;
    }

    public int jmxPort(int node) {
        return jmxBasePort + node;
    }

    public Path nodeDir(int node) {
        return dir.resolve("node" + node);
    }

    public Path stateFile() {
        return dir.resolve("sandbox.json");
    }

    /** The default folder: the user's cache folder, so that it survives {@code mvn clean}. */
    public static Path defaultDir() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Ringside", "sandbox");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "Ringside", "sandbox");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.cache", "ringside", "sandbox");
    }
}
