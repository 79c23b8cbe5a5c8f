package dev.ringside.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sandbox up} left running, saved beside the nodes so that {@code status} and {@code down}, run from
 * another process, find them.
 *
 * @param nodes       the node count the cluster was created with
 * @param addressBase loopback prefix
 * @param nativePort  CQL port
 * @param auth        whether a password is required
 * @param pids        process id per node (index 0 = node 1), 0 when not running
 */
public record SandboxState(int nodes, String addressBase, int nativePort, boolean auth, List<Long> pids) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Optional<SandboxState> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), SandboxState.class));
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
