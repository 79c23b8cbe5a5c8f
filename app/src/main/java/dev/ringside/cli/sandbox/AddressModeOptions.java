package dev.ringside.cli.sandbox;

import dev.ringside.sandbox.SandboxSettings;
import picocli.CommandLine.Option;

/** How a new sandbox's nodes are told apart: each on its own loopback address, or all on one with their own ports. */
public final class AddressModeOptions {

    @Option(names = "--single-address",
            description = "Put every node on one address (127.0.0.1), each with its own ports: node i answers CQL on "
                    + "--port-base + i - 1. The default where 127.0.0.2 cannot be used, as on macOS.")
    boolean singleAddress;

    @Option(names = "--port-base", paramLabel = "PORT",
            description = "CQL port: of every node, or of node 1 with --single-address (node i: PORT + i - 1; gossip on "
                    + "PORT + 100 + i - 1). Default: 9042.")
    Integer portBase;

    /** Applies the options given on this command line. */
    SandboxSettings apply(SandboxSettings settings) {
        boolean single = singleAddress || settings.singleAddress();
        int port = portBase != null ? portBase : settings.nativePort();
        if (single == settings.singleAddress() && port == settings.nativePort()) {
            return settings;
        }
        SandboxSettings.checkPortBase(port, settings.nodes(), single);
        return settings.withSingleAddress(single, port);
    }
}
