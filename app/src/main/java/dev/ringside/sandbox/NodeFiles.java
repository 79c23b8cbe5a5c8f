package dev.ringside.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one node's {@code cassandra.yaml} and {@code logback.xml} into its folder. */
final class NodeFiles {

    private final SandboxSettings settings;

    NodeFiles(SandboxSettings settings) {
        this.settings = settings;
    }

    Path yaml(int node) {
        return settings.nodeDir(node).resolve("cassandra.yaml");
    }

    Path logback(int node) {
        return settings.nodeDir(node).resolve("logback.xml");
    }

    Path systemLog(int node) {
        return settings.nodeDir(node).resolve("logs").resolve("system.log");
    }

    Path output(int node) {
        return settings.nodeDir(node).resolve("logs").resolve("output.log");
    }

    Path rackdc(int node) {
        return settings.nodeDir(node).resolve("cassandra-rackdc.properties");
    }

    void write(int node) throws IOException {
        Path dir = settings.nodeDir(node).toAbsolutePath();
        for (String sub : new String[] {"data", "commitlog", "saved_caches", "hints", "cdc_raw", "logs"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        String address = settings.address(node);
        String yaml = String.join("\n",
                "cluster_name: ringside-sandbox",
                "num_tokens: " + settings.numTokens(),
                settings.initialToken(node).map(t -> "initial_token: " + t).orElse("# initial_token: chosen by Cassandra"),
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "data_file_directories: [" + quote(dir.resolve("data")) + "]",
                "commitlog_directory: " + quote(dir.resolve("commitlog")),
                "saved_caches_directory: " + quote(dir.resolve("saved_caches")),
                "hints_directory: " + quote(dir.resolve("hints")),
                "cdc_raw_directory: " + quote(dir.resolve("cdc_raw")),
                // A killed node (the sandbox simulates crashes) replays its commit log only up to the last sync
                // marker; syncing every 50 ms in the background keeps that loss to the last 50 ms of writes without
                // making each write wait for an fsync (group commit did, and loaded test data 3x slower).
                "commitlog_sync: periodic",
                "commitlog_sync_period: 50ms",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + settings.address(1) + ":" + settings.storagePort(1) + "\"",
                "listen_address: " + address,
                "rpc_address: " + address,
                "native_transport_port: " + settings.nativePort(node),
                "storage_port: " + settings.storagePort(node),
                "endpoint_snitch: " + (settings.multiDc() ? "GossipingPropertyFileSnitch" : "SimpleSnitch"),
                "authenticator: " + (settings.auth() ? "PasswordAuthenticator" : "AllowAllAuthenticator"),
                "authorizer: AllowAllAuthorizer",
                // Logins reuse what a node learnt about a role for 30 s (Cassandra's default is 2 s): every new
                // connection otherwise reads system_auth at LOCAL_QUORUM, and on a busy laptop those reads time out
                // ("Unable to perform authorization of super-user permission").
                "credentials_validity: 30s",
                "roles_validity: 30s",
                "permissions_validity: 30s",
                "auto_bootstrap: false",
                "auto_snapshot: false",
                "storage_compatibility_mode: NONE",
                // A sandbox on a laptop: fewer threads and smaller caches than a server.
                "concurrent_reads: 8",
                "concurrent_writes: 8",
                "concurrent_compactors: 1",
                "key_cache_size: 16MiB",
                "read_request_timeout: 10000ms",
                "range_request_timeout: 20000ms",
                "write_request_timeout: 5000ms",
                clientEncryption(node),
                "");
        Files.writeString(yaml(node), yaml);
        if (settings.multiDc()) {
            Files.writeString(rackdc(node), "dc=" + settings.datacenter(node) + "\nrack=rack1\n");
        }
        String logback = """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.cassandra" level="INFO"/>
                  <root level="WARN"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(systemLog(node).toAbsolutePath());
        Files.writeString(logback(node), logback);
    }

    /** Client TLS, required when the sandbox has TLS (no plain-text port is left open). */
    private String clientEncryption(int node) throws IOException {
        if (!settings.tls()) {
            return "client_encryption_options:\n  enabled: false";
        }
        SandboxTls tls = settings.tlsFiles();
        return String.join("\n",
                "client_encryption_options:",
                "  enabled: true",
                "  optional: false",
                "  keystore: " + quote(tls.nodeKeystore(node).toAbsolutePath()),
                "  keystore_password: \"" + tls.password() + "\"",
                "  store_type: PKCS12",
                "  require_client_auth: false");
    }

    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "/") + "\"";
    }
}
