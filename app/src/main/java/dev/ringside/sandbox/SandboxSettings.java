package dev.ringside.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The shape of a local sandbox cluster.
 *
 * @param dir          folder holding every node's data, logs and the state file
 * @param nodes        number of nodes, 1 to 5
 * @param addressBase  first three octets of the loopback addresses, e.g. {@code 127.0.0}; node i listens on base.i,
 *                     or every node on base.1 in single-address mode
 * @param nativePort   CQL port: the same on every node when each has its own address; in single-address mode the
 *                     port base P, node i using P + i - 1 for CQL and P + 100 + i - 1 for gossip
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
 * @param singleAddress whether every node shares one address, told apart by its ports (Cassandra 4.0+, CASSANDRA-7544):
 *                     for machines whose loopback answers on 127.0.0.1 only, as macOS does
 */
public record SandboxSettings(Path dir, int nodes, String addressBase, int nativePort, int jmxBasePort,
                              int numTokens, boolean auth, String heap, Duration startTimeout, int datacenters,
                              List<String> initialTokens, boolean tls, boolean singleAddress) {

    public static final String CASSANDRA_VERSION = "5.0.6";
    public static final String USER = "ringside";
    public static final String PASSWORD = "ringside";
    public static final int MAX_NODES = 5;
    /** Gossip between nodes, each on its own address. */
    public static final int STORAGE_PORT = 7000;
    /** In single-address mode, node i gossips on the port base + this + i - 1. */
    static final int SINGLE_ADDRESS_STORAGE_OFFSET = 100;

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
        checkPortBase(nativePort, nodes, singleAddress);
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
        this(dir, nodes, addressBase, nativePort, jmxBasePort, numTokens, auth, heap, startTimeout, 1, List.of(), false, false);
    }

    /** Checks that every port the nodes would use lies in 1024..65535. */
    public static void checkPortBase(int portBase, int nodes, boolean singleAddress) {
        int highest = singleAddress ? portBase + SINGLE_ADDRESS_STORAGE_OFFSET + nodes - 1 : portBase;
        if (portBase < 1024 || highest > 65_535) {
            throw new IllegalArgumentException("--port-base must be between 1024 and "
                    + (65_535 - (singleAddress ? SINGLE_ADDRESS_STORAGE_OFFSET + nodes - 1 : 0)) + " (got " + portBase
                    + ")" + (singleAddress ? ": node i uses it + i - 1 for CQL and it + " + SINGLE_ADDRESS_STORAGE_OFFSET
                    + " + i - 1 for gossip." : "."));
        }
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
                datacenters, initialTokens, tls, singleAddress);
    }

    public SandboxSettings withDatacenters(int count) {
        return new SandboxSettings(dir, nodes, addressBase, nativePort, jmxBasePort, numTokens, auth, heap, startTimeout,
                count, initialTokens, tls, singleAddress);
    }

    public SandboxSettings withTokens(int tokensPerNode, List<String> initial) {
        return new SandboxSettings(dir, nodes, addressBase, nativePort, jmxBasePort, tokensPerNode, auth, heap,
                startTimeout, datacenters, initial, tls, singleAddress);
    }

    public SandboxSettings withTls(boolean on) {
        return new SandboxSettings(dir, nodes, addressBase, nativePort, jmxBasePort, numTokens, auth, heap, startTimeout,
                datacenters, initialTokens, on, singleAddress);
    }

    /** Every node on one address with ports from {@code portBase}, or (off) each on its own address. */
    public SandboxSettings withSingleAddress(boolean on, int portBase) {
        return new SandboxSettings(dir, nodes, addressBase, portBase, jmxBasePort, numTokens, auth, heap, startTimeout,
                datacenters, initialTokens, tls, on);
    }

    /**
     * These settings, moved onto one address when the machine cannot listen on the second node's address: the mode a
     * Mac gets without anyone asking, since its loopback answers on 127.0.0.1 only.
     */
    public SandboxSettings fitTo(LoopbackProbe probe) {
        if (singleAddress || nodes == 1 || probe.canBind(address(2))) {
            return this;
        }
        return withSingleAddress(true, nativePort);
    }

    /**
     * Why the sandbox cannot run on this OS, or empty. Cassandra dropped Windows with 4.0 (its scripts and native
     * support are gone, and nodes fail on file deletion and memory mapping there), so the sandbox says so at once
     * rather than starting nodes that would hang or die.
     */
    public static java.util.Optional<String> unsupportedOn(String osName) {
        if (osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return java.util.Optional.of("The sandbox runs Apache Cassandra " + CASSANDRA_VERSION + ", which does not run on "
                    + "Windows (Cassandra supports Linux and macOS since 4.0). Ringside itself works on Windows against any "
                    + "cluster it can reach. For a local one, run the sandbox inside WSL 2 with `ringside sandbox up --single-address` "
                    + "(every node on 127.0.0.1, which WSL forwards to Windows) and connect to 127.0.0.1:9042, or connect to "
                    + "a test cluster elsewhere.");
        }
        return java.util.Optional.empty();
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

    /** Node i's address: base.i, or base.1 for every node in single-address mode. */
    public String address(int node) {
        return addressBase + "." + (singleAddress ? 1 : node);
    }

    /** Node i's CQL port. */
    public int nativePort(int node) {
        return singleAddress ? nativePort + node - 1 : nativePort;
    }

    /** Node i's gossip (storage) port. */
    public int storagePort(int node) {
        return singleAddress ? nativePort + SINGLE_ADDRESS_STORAGE_OFFSET + node - 1 : STORAGE_PORT;
    }

    /** Node i as a driver contact point: {@code address:port}. */
    public String contactPoint(int node) {
        return address(node) + ":" + nativePort(node);
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
