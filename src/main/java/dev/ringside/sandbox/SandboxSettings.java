package dev.ringside.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 * @param datacenters  number of datacenters, 1 to nodes; with more than one, node i is in dc ((i-1) % N) + 1, named
 *                     {@code dc1}, {@code dc2} …, via GossipingPropertyFileSnitch; with one, the single datacenter is
 *                     {@code datacenter1} (SimpleSnitch)
 * @param initialTokens per node (index 0 = node 1), its {@code initial_token} (comma-separated tokens when it has
 *                     several), or an empty list to let Cassandra choose
 * @param tls          whether clients must use TLS (a throwaway CA and node certificates in {@code dir/tls})
 */
public record SandboxSettings(Path dir, int nodes, String addressBase, int nativePort, int jmxBasePort,
                              int numTokens, boolean auth, String heap, Duration startTimeout, int datacenters,
                              List<String> initialTokens, boolean tls) {

    public static final String CASSANDRA_VERSION = "5.0.6";
    public static final String USER = "ringside";
    public static final String PASSWORD = "ringside";
    public static final int MAX_NODES = 5;

    public SandboxSettings {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be between 1 and " + MAX_NODES + " (got " + nodes + ").");
        }
        checkAddressBase(addressBase);
        if (datacenters < 1 || datacenters > nodes) {
            throw new IllegalArgumentException("--datacenters must be between 1 and the number of nodes, " + nodes
                    + " (got " + datacenters + ").");
        }
        if (numTokens < 1) {
            throw new IllegalArgumentException("The number of tokens per node must be at least 1 (got " + numTokens + ").");
        }
        initialTokens = initialTokens == null ? List.of() : List.copyOf(initialTokens);
        if (!initialTokens.isEmpty() && initialTokens.size() != nodes) {
            throw new IllegalArgumentException("Give an initial token for every node (" + nodes + "), or none (got "
                    + initialTokens.size() + ").");
        }
        for (String tokens : initialTokens) {
            String[] each = tokens.split(",");
            if (each.length != numTokens) {
                throw new IllegalArgumentException("Each node needs " + numTokens + " initial token(s), got '" + tokens + "'.");
            }
            for (String token : each) {
                try {
                    Long.parseLong(token.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Initial token '" + token.trim()
                            + "' is not a Murmur3 token (a whole number from -2^63 to 2^63-1).");
                }
            }
        }
    }

    /** The settings before datacenters, initial tokens and TLS: one datacenter, Cassandra's tokens, plain text. */
    public SandboxSettings(Path dir, int nodes, String addressBase, int nativePort, int jmxBasePort, int numTokens,
                           boolean auth, String heap, Duration startTimeout) {
        this(dir, nodes, addressBase, nativePort, jmxBasePort, numTokens, auth, heap, startTimeout, 1, List.of(), false);
    }

    /** Checks that an address base is three octets of 127.0.0.0/8, such as {@code 127.0.0}. */
    public static void checkAddressBase(String addressBase) {
        String[] parts = addressBase == null ? new String[0] : addressBase.split("\\.", -1);
        boolean ok = parts.length == 3 && parts[0].equals("127");
        for (int i = 1; ok && i < 3; i++) {
            ok = parts[i].matches("[0-9]{1,3}") && Integer.parseInt(parts[i]) <= 255;
        }
        if (!ok) {
            throw new IllegalArgumentException("--address-base must be the first three parts of a loopback address, "
                    + "such as 127.0.0 or 127.0.5 (got '" + addressBase + "'): the sandbox binds to 127.x.y.z only.");
        }
    }

    public SandboxSettings withAddressBase(String base, int jmxBase) {
        return new SandboxSettings(dir, nodes, base, nativePort, jmxBase, numTokens, auth, heap, startTimeout,
                datacenters, initialTokens, tls);
    }

    public SandboxSettings withDatacenters(int count) {
        return new SandboxSettings(dir, nodes, addressBase, nativePort, jmxBasePort, numTokens, auth, heap, startTimeout,
                count, initialTokens, tls);
    }

    public SandboxSettings withTokens(int tokensPerNode, List<String> initial) {
        return new SandboxSettings(dir, nodes, addressBase, nativePort, jmxBasePort, tokensPerNode, auth, heap,
                startTimeout, datacenters, initial, tls);
    }

    public SandboxSettings withTls(boolean on) {
        return new SandboxSettings(dir, nodes, addressBase, nativePort, jmxBasePort, numTokens, auth, heap, startTimeout,
                datacenters, initialTokens, on);
    }

    /** Whether nodes use GossipingPropertyFileSnitch with datacenters dc1, dc2 … */
    public boolean multiDc() {
        return datacenters > 1;
    }

    /** Node i's datacenter: dc1, dc2 … with several, {@code datacenter1} with one. */
    public String datacenter(int node) {
        return multiDc() ? "dc" + (((node - 1) % datacenters) + 1) : "datacenter1";
    }

    /** The datacenter clients treat as local: the first node's. */
    public String localDatacenter() {
        return datacenter(1);
    }

    /** Node i's initial token(s), if set. */
    public java.util.Optional<String> initialToken(int node) {
        return initialTokens.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(initialTokens.get(node - 1));
    }

    /** The certificate authority and stores of a TLS sandbox (they exist once it has started with TLS). */
    public SandboxTls tlsFiles() {
        return new SandboxTls(dir);
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
