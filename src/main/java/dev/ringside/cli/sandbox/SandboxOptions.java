package dev.ringside.cli.sandbox;

import dev.ringside.sandbox.CassandraArtifacts;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.sandbox.SandboxState;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

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
        Optional<SandboxState> state = SandboxState.read(dir().resolve("sandbox.json"));
        int n = nodes > 0 ? nodes : state.map(SandboxState::nodes).orElse(3);
        boolean a = auth || state.map(SandboxState::auth).orElse(false);
        return new LocalCluster(SandboxSettings.user(dir(), n, a), CassandraArtifacts.fromEnvironment(), line -> {
            say.println(line);
            say.flush();
        });
    }
}
