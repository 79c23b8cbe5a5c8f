package dev.ringside.cli.sandbox;

import dev.ringside.sandbox.CassandraArtifacts;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.LoopbackProbe;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.sandbox.SandboxState;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where the sandbox lives; shared by the sandbox subcommands. */
public final class SandboxOptions {

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Sandbox folder (default: the user's cache folder, e.g. ~/.cache/ringside/sandbox).")
    Path dir;

    Path dir() {
        return dir != null ? dir : SandboxSettings.defaultDir();
    }

    /** The cluster as created before (node count and auth from the state file), or with the given shape. */
    LocalCluster cluster(int nodes, boolean auth, PrintWriter say) throws IOException {
        return cluster(nodes, auth, UnaryOperator.identity(), say);
    }

    /**
     * The cluster as its folder's state file describes it (address base, TLS, datacenters, tokens); a folder without
     * one gets the given node count and auth, shaped further by {@code shape}.
     */
    LocalCluster cluster(int nodes, boolean auth, UnaryOperator<SandboxSettings> shape, PrintWriter say) throws IOException {
        Optional<SandboxState> state = SandboxState.read(dir().resolve("sandbox.json"));
        int n = nodes > 0 ? nodes : state.map(SandboxState::nodes).orElse(3);
        boolean a = auth || state.map(SandboxState::auth).orElse(false);
        SandboxSettings base = SandboxSettings.user(dir(), n, a);
        SandboxSettings settings = state.map(s -> s.applyTo(base)).orElse(base);
        settings = new SandboxSettings(settings.dir(), n, settings.addressBase(), settings.nativePort(),
                settings.jmxBasePort(), settings.numTokens(), a, settings.heap(), settings.startTimeout(),
                Math.min(n, settings.datacenters()), settings.initialTokens().size() == n ? settings.initialTokens()
                : java.util.List.of(), settings.tls(), settings.singleAddress());
        settings = shape.apply(settings);
        if (state.isEmpty()) {
            settings = fitToMachine(settings, LoopbackProbe.SYSTEM, say);
        }
        return new LocalCluster(settings, CassandraArtifacts.fromEnvironment(), line -> {
            say.println(line);
            say.flush();
        });
    }

    /** A new sandbox moves onto one address where the machine answers on 127.0.0.1 only, and says so. */
    static SandboxSettings fitToMachine(SandboxSettings settings, LoopbackProbe probe, PrintWriter say) {
        SandboxSettings fitted = settings.fitTo(probe);
        if (fitted != settings) {
            say.println("This machine cannot listen on " + settings.address(2) + " (macOS answers on 127.0.0.1 only), so "
                    + "every node shares " + fitted.address(1) + ", on CQL ports " + fitted.nativePort(1) + "-"
                    + fitted.nativePort(fitted.nodes()) + ".");
            say.flush();
        }
        return fitted;
    }
}
