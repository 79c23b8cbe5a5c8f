package dev.ringside.cli.sandbox;

import dev.ringside.cli.AppLauncher;
import dev.ringside.cli.RingsideCli;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SampleData;
import dev.ringside.sandbox.SampleRowsRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ringside demo}: starts the sandbox, creates the sample table and opens the app connected to it at once; the
 * app loads the sample rows in the background (count and export wait for them). When the window closes, the load
 * stops and the sandbox is stopped again if this command started it (its data stays for next time).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the local sandbox with sample data and opens the app connected to it.")
public final class DemoCommand implements Callable<Integer> {

    private final AppLauncher app;

    @Spec
    CommandSpec spec;

    @Mixin
    SandboxOptions where;

    @Mixin
    AddressModeOptions addressMode;

    @Option(names = "--nodes", defaultValue = "3", description = "Sandbox nodes, 1 to "
            + dev.ringside.sandbox.SandboxSettings.MAX_NODES + " (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--rows", defaultValue = "200000", description = "Sample rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--keep", description = "Leave the sandbox running when the app closes.")
    boolean keep;

    public DemoCommand(AppLauncher app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > dev.ringside.sandbox.SandboxSettings.MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be between 1 and "
                    + dev.ringside.sandbox.SandboxSettings.MAX_NODES + " (got " + nodes + ").");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("--rows must be 0 or more (got " + rows + ").");
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalCluster cluster = where.cluster(nodes, false, addressMode::apply, out);
        boolean wasUp = cluster.isUp();
        cluster.start();
        createSchema(cluster);
        SampleRowsRecord record = new SampleRowsRecord(cluster.settings().dir());
        boolean load = rows > 0 && record.needs(rows);
        out.println(load ? String.format(java.util.Locale.ROOT, "Opening Ringside; it loads %,d sample rows into %s.%s "
                + "in the background …", rows, SampleData.KEYSPACE, SampleData.TABLE) : "Opening Ringside …");
        out.flush();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("host", String.join(",", cluster.connectionSettings().contactPoints()));
        parameters.put("dc", cluster.settings().localDatacenter());
        if (cluster.settings().auth()) {
            parameters.put("user", dev.ringside.sandbox.SandboxSettings.USER);
            parameters.put("password", dev.ringside.sandbox.SandboxSettings.PASSWORD);
        }
        parameters.put("keyspace", "demo");
        parameters.put("table", "events");
        parameters.put("connect", "true");
        if (load) {
            parameters.put("demo-load-rows", Long.toString(rows));
            parameters.put("demo-load-dir", cluster.settings().dir().toAbsolutePath().toString());
        }
        app.launch(parameters);
        if (!wasUp && !keep) {
            out.println("Stopping the sandbox (use --keep to leave it running) …");
            out.flush();
            cluster.stop(Duration.ofSeconds(60));
        }
        return RingsideCli.OK;
    }

    /** The keyspace and table, so that the window opens on them while the rows are still coming. */
    private static void createSchema(LocalCluster cluster) throws Exception {
        try (CqlSession session = new SessionFactory().open(cluster.connectionSettings())) {
            new SampleData(session).createSchema(cluster.settings());
        }
    }
}
