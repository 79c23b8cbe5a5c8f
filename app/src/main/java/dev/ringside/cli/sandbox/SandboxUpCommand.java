package dev.ringside.cli.sandbox;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.cli.RingsideCli;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SampleData;
import dev.ringside.sandbox.SampleRowsRecord;
import dev.ringside.sandbox.SandboxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sandbox up}: starts the nodes (if not running) and loads sample rows (if the table is empty). */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts the sandbox cluster and loads sample data into demo.events; returns when every node answers.")
public final class SandboxUpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SandboxOptions where;

    @Mixin
    AddressModeOptions addressMode;

    @Option(names = "--nodes", defaultValue = "3", description = "Nodes, 1 to " + SandboxSettings.MAX_NODES + " (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--rows", defaultValue = "100000", description = "Sample rows to load when demo.events is empty (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--auth", description = "Require a password (user ringside, password ringside).")
    boolean auth;

    @Option(names = "--tls", description = "Require TLS from clients: makes a throwaway certificate authority and node "
            + "certificates in the sandbox folder (tls/ca.pem, tls/truststore.p12) and refuses plain-text clients.")
    boolean tls;

    @Option(names = "--address-base", paramLabel = "A.B.C",
            description = "Loopback addresses of the nodes: node i listens on A.B.C.i, or every node on A.B.C.1 with "
                    + "--single-address (default: 127.0.0). "
                    + "Another base lets a second sandbox, in another --dir, run beside the first.")
    String addressBase;

    @Option(names = "--jmx-port-base", paramLabel = "PORT",
            description = "Node i's local JMX port is PORT + i (default: 7200, or one derived from --address-base).")
    Integer jmxPortBase;

    @Option(names = "--datacenters", paramLabel = "N",
            description = "Datacenters, 1 to --nodes (default: 1). With more, node i is in dc((i-1) %% N + 1): dc1, dc2 …")
    Integer datacenters;

    @Option(names = "--num-tokens", paramLabel = "N", description = "Tokens (vnodes) per node (default: 16).")
    Integer numTokens;

    @Option(names = "--initial-token", paramLabel = "TOKEN[,TOKEN…]",
            description = "A node's initial token(s), once per node in node order (default: chosen by Cassandra).")
    java.util.List<String> initialTokens;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > SandboxSettings.MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be between 1 and " + SandboxSettings.MAX_NODES + " (got " + nodes + ").");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("--rows must be 0 or more.");
        }
        if (addressBase != null) {
            SandboxSettings.checkAddressBase(addressBase.trim());
        }
        if (jmxPortBase != null && (jmxPortBase < 1024 || jmxPortBase + nodes > 65535)) {
            throw new IllegalArgumentException("--jmx-port-base must be between 1024 and " + (65535 - nodes) + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalCluster cluster = where.cluster(nodes, auth, this::shape, out);
        cluster.start();
        loadSampleData(cluster, rows, out);
        SandboxSettings s = cluster.settings();
        StringBuilder connect = new StringBuilder("Connect with: --host " + String.join(",", cluster.connectionSettings().contactPoints()));
        if (s.multiDc()) {
            connect.append(" --dc ").append(s.localDatacenter());
        }
        if (s.tls()) {
            connect.append(" --tls-ca ").append(s.tlsFiles().caPem().toAbsolutePath());
        }
        if (s.auth()) {
            connect.append(" --user ringside --password-prompt (password: ringside)");
        }
        out.println(connect);
        if (s.tls()) {
            out.println("TLS is required. CA certificate (PEM): " + s.tlsFiles().caPem().toAbsolutePath());
            out.println("  PKCS#12 truststore: " + s.tlsFiles().truststore().toAbsolutePath()
                    + ", its password is in " + s.tlsFiles().passwordFile().toAbsolutePath()
                    + " (a throwaway password that protects nothing of yours)");
        }
        out.println("Stop with: ringside sandbox down" + (where.dir != null ? " --dir " + where.dir : ""));
        return RingsideCli.OK;
    }

    /** Applies the options given on this command line over the shape the folder already has. */
    private SandboxSettings shape(SandboxSettings s) {
        SandboxSettings out = s;
        if (addressBase != null && !addressBase.trim().equals(s.addressBase())) {
            String base = addressBase.trim();
            out = out.withAddressBase(base, jmxPortBase != null ? jmxPortBase : defaultJmxBase(base));
        } else if (jmxPortBase != null) {
            out = out.withAddressBase(out.addressBase(), jmxPortBase);
        }
        if (numTokens != null || initialTokens != null) {
            out = out.withTokens(numTokens != null ? numTokens : out.numTokens(),
                    initialTokens != null ? initialTokens : out.initialTokens());
        }
        if (datacenters != null) {
            out = out.withDatacenters(datacenters);
        }
        if (tls) {
            out = out.withTls(true);
        }
        return addressMode.apply(out);
    }

    /** 7200 for 127.0.0, and a distinct base of 10 ports for every other 127.B.C (JMX binds one address for all). */
    static int defaultJmxBase(String addressBase) {
        String[] parts = addressBase.split("\\.");
        int index = (Integer.parseInt(parts[1]) * 256 + Integer.parseInt(parts[2])) % 5000;
        return 7200 + 10 * index;
    }

    /** Creates demo.events and fills it unless an earlier complete load put at least as many rows there. */
    static void loadSampleData(LocalCluster cluster, long rows, PrintWriter out) throws Exception {
        try (CqlSession session = new SessionFactory().open(cluster.connectionSettings())) {
            SampleData sample = new SampleData(session);
            sample.createSchema(cluster.settings());
            SampleRowsRecord record = new SampleRowsRecord(cluster.settings().dir());
            if (rows > 0 && record.needs(rows)) {
                out.printf(Locale.ROOT, "Loading %,d sample rows into %s.%s …%n", rows, SampleData.KEYSPACE, SampleData.TABLE);
                out.flush();
                long start = System.nanoTime();
                sample.load(rows, 42, n -> {
                    out.printf(Locale.ROOT, "  %,d rows%n", n);
                    out.flush();
                });
                record.completed(rows);
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "Loaded %,d rows in %.1f s (%,.0f rows/s)%n", rows, seconds, rows / seconds);
            }
        }
    }
}
