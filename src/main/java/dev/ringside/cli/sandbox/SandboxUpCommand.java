package dev.ringside.cli.sandbox;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.cli.RingsideCli;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SampleData;
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

    @Option(names = "--nodes", defaultValue = "3", description = "Nodes, 1 to " + SandboxSettings.MAX_NODES + " (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--rows", defaultValue = "100000", description = "Sample rows to load when demo.events is empty (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--auth", description = "Require a password (user ringside, password ringside).")
    boolean auth;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > SandboxSettings.MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be between 1 and " + SandboxSettings.MAX_NODES + " (got " + nodes + ").");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("--rows must be 0 or more.");
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalCluster cluster = where.cluster(nodes, auth, out);
        cluster.start();
        loadSampleData(cluster, rows, out);
        out.println("Connect with: --host " + String.join(",", cluster.connectionSettings().contactPoints())
                + (cluster.settings().auth() ? " --user ringside --password-prompt (password: ringside)" : ""));
        out.println("Stop with: ringside sandbox down" + (where.dir != null ? " --dir " + where.dir : ""));
        return RingsideCli.OK;
    }

    /** Creates demo.events and fills it unless it already holds rows. */
    static void loadSampleData(LocalCluster cluster, long rows, PrintWriter out) throws Exception {
        try (CqlSession session = new SessionFactory().open(cluster.connectionSettings())) {
            SampleData sample = new SampleData(session);
            sample.createSchema(cluster.settings().nodes());
            if (rows > 0 && !sample.hasRows()) {
                out.printf(Locale.ROOT, "Loading %,d sample rows into %s.%s …%n", rows, SampleData.KEYSPACE, SampleData.TABLE);
                out.flush();
                long start = System.nanoTime();
                sample.load(rows, 42, n -> {
                    out.printf(Locale.ROOT, "  %,d rows%n", n);
                    out.flush();
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "Loaded %,d rows in %.1f s (%,.0f rows/s)%n", rows, seconds, rows / seconds);
            }
        }
    }
}
