package dev.ringside.spark;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options count and export share, named and meant as in the CLI ({@code ringside export --help}). */
final class SourceOptions {

    @Option(names = {"-k", "--keyspace"}, required = true, description = "Keyspace of the table.")
    String keyspace;

    @Option(names = {"-t", "--table"}, required = true, description = "Table to read.")
    String table;

    @Option(names = "--where", paramLabel = "CQL", description = "A CQL condition on the rows (as in the CLI).")
    String where;

    @Option(names = "--splits", paramLabel = "N",
            description = "Token-range splits, one Spark partition each (default: the connector's, by size).")
    Integer splits;

    @Option(names = "--parallelism", paramLabel = "P",
            description = "Export: at most P splits read at once (the splits are coalesced into P tasks). "
                    + "Count: one per executor core; give the application P cores.")
    Integer parallelism;

    @Option(names = "--splits-file", paramLabel = "PATH",
            description = "Optional: before the tasks start, write to PATH (a file on the driver's machine) the token ranges "
                    + "each task reads, as JSON; the desktop app draws the finished ones on its ring view.")
    Path splitsFile;

    @Option(names = "--max-rows-per-second", paramLabel = "N", defaultValue = "0",
            description = "Throttle the whole job to about N rows/s (0: none), spread over the tasks in flight.")
    long maxRowsPerSecond;

    @Option(names = "--consistency", paramLabel = "CL", defaultValue = "LOCAL_ONE", description = "Read consistency (default: ${DEFAULT-VALUE}).")
    String consistency;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + ReadRequest.DEFAULT_PAGE_SIZE,
            description = "Rows per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = {"-h", "--host"}, split = ",", paramLabel = "HOST[:PORT]", required = true,
            description = "Contact points, comma-separated.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--port", defaultValue = "9042", description = "Native protocol port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--dc", paramLabel = "NAME", description = "Local datacenter (default: the connector's choice).")
    String dc;

    @Option(names = {"-u", "--user"}, description = "User name, for clusters that require a password.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (on the driver; ship it with spark-submit --files).")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from the driver's environment variable VAR (a Kubernetes or YARN secret).")
    String passwordEnv;

    @Option(names = "--tls-truststore-password-file", paramLabel = "FILE",
            description = "Read the truststore's password (spark.cassandra.connection.ssl.trustStore.path) from FILE.")
    Path truststorePasswordFile;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "Read the keystore's password (spark.cassandra.connection.ssl.keyStore.path) from FILE.")
    Path keystorePasswordFile;

    SplitsFile splitsFile() {
        return SplitsFile.at(splitsFile);
    }

    ReadRequest request(List<String> columns) {
        return new ReadRequest(keyspace, table, columns, where, splits, parallelism, maxRowsPerSecond, consistency,
                pageSize, new CassandraConnection(hosts, port, dc, user, password(),
                        secret(truststorePasswordFile, "--tls-truststore-password-file"),
                        secret(keystorePasswordFile, "--tls-keystore-password-file")));
    }

    private String password() {
        if (passwordFile != null && passwordEnv != null) {
            throw new JobInputException("Give either --password-file or --password-env, not both");
        }
        if (passwordFile != null) {
            return secret(passwordFile, "--password-file");
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new JobInputException("--password-env: the environment variable " + passwordEnv + " is not set");
            }
            return value;
        }
        return null; // the connector may still have spark.cassandra.auth.password from the application's conf
    }

    /** The first line of {@code file}, or {@code null} without one. */
    private static String secret(Path file, String option) {
        if (file == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new JobInputException(option + " " + file + " is empty");
            }
            return lines.get(0);
        } catch (NoSuchFileException e) {
            throw new JobInputException(option + " " + file + " does not exist");
        } catch (IOException e) {
            throw new JobInputException("Cannot read " + option + " " + file + ": " + e.getMessage());
        }
    }
}
