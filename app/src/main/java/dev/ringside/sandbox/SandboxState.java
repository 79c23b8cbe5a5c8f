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
 * @param tls         whether clients must use TLS
 * @param datacenters number of datacenters (0 in files written before there could be several: read as 1)
 * @param jmxBasePort node i's local JMX port is this + i (0 in older files: the default)
 * @param numTokens   vnodes per node (0 in older files: the default)
 * @param initialTokens per node, its initial token(s), or empty
 * @param singleAddress whether every node shares one address, with its own ports (false in older files)
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record SandboxState(int nodes, String addressBase, int nativePort, boolean auth, List<Long> pids, boolean tls,
                           int datacenters, int jmxBasePort, int numTokens, List<String> initialTokens,
                           boolean singleAddress) {

    public SandboxState {
        pids = pids == null ? List.of() : List.copyOf(pids);
        initialTokens = initialTokens == null ? List.of() : List.copyOf(initialTokens);
    }

    /** The state of a cluster with these settings and processes. */
    public static SandboxState of(SandboxSettings settings, List<Long> pids) {
        return new SandboxState(settings.nodes(), settings.addressBase(), settings.nativePort(), settings.auth(), pids,
                settings.tls(), settings.datacenters(), settings.jmxBasePort(), settings.numTokens(),
                settings.initialTokens(), settings.singleAddress());
    }

    /** The settings of the cluster this state describes: {@code defaults} with the shape saved here. */
    public SandboxSettings applyTo(SandboxSettings defaults) {
        return new SandboxSettings(defaults.dir(), nodes, addressBase == null ? defaults.addressBase() : addressBase,
                nativePort > 0 ? nativePort : defaults.nativePort(), jmxBasePort > 0 ? jmxBasePort : defaults.jmxBasePort(),
                numTokens > 0 ? numTokens : defaults.numTokens(), auth, defaults.heap(), defaults.startTimeout(),
                Math.max(1, datacenters), initialTokens, tls, singleAddress);
    }

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
