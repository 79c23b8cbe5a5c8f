package dev.ringside.cli.sandbox;

import dev.ringside.cli.AppLauncher;
import dev.ringside.cli.RingsideCli;
import dev.ringside.sandbox.LocalCluster;
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
 * {@code ringside demo}: starts the sandbox with sample data and opens the app connected to it. When the window
 * closes, the sandbox is stopped again if this command started it (its data stays for next time).
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
        SandboxUpCommand.loadSampleData(cluster, rows, out);
        out.println("Opening Ringside …");
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
        app.launch(parameters);
        if (!wasUp && !keep) {
            out.println("Stopping the sandbox (use --keep to leave it running) …");
            out.flush();
            cluster.stop(Duration.ofSeconds(60));
        }
        return RingsideCli.OK;
    }
}
