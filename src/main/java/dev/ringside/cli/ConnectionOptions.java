package dev.ringside.cli;

import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.ContactPoints;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Connection options shared by the commands that talk to a cluster. */
public final class ConnectionOptions {

    @Option(names = {"-h", "--host"}, split = ",", paramLabel = "HOST[:PORT]",
            description = "Contact point(s), comma-separated (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--port", description = "Native protocol port (default: ${DEFAULT-VALUE}).", defaultValue = "9042")
    int port;

    @Option(names = "--dc", paramLabel = "NAME", description = "Local datacenter (default: inferred from the contact points).")
    String dc;

    @Option(names = {"-u", "--user"}, description = "User name, for clusters that require a password.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
    Path passwordFile;

    @Option(names = "--password-prompt", description = "Ask for the password on the terminal.")
    boolean passwordPrompt;

    @Option(names = "--driver-config", paramLabel = "FILE", description = "A driver application.conf; its settings win over Ringside's.")
    Path driverConfig;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up connecting after this many seconds (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    /** Validates the options and reads the password. */
    public ConnectionSettings toSettings() throws UsageException, IOException {
        var portProblem = ContactPoints.portProblem(port);
        if (portProblem.isPresent()) {
            throw new UsageException("--port " + portProblem.get());
        }
        for (String point : hosts) {
            var problem = ContactPoints.problem(point);
            if (problem.isPresent() && !point.isBlank()) {
                throw new UsageException("--host " + problem.get());
            }
        }
        if (connectTimeoutSeconds < 1) {
            throw new UsageException("--connect-timeout must be at least 1 second.");
        }
        String password = null;
        if (passwordFile != null && passwordPrompt) {
            throw new UsageException("Use either --password-file or --password-prompt, not both.");
        }
        if (passwordFile != null) {
            if (!Files.isReadable(passwordFile)) {
                throw new UsageException("Cannot read the password file " + passwordFile + ".");
            }
            List<String> lines = Files.readAllLines(passwordFile);
            password = lines.isEmpty() ? "" : lines.get(0);
        } else if (passwordPrompt) {
            password = prompt();
        }
        if (password != null && (user == null || user.isBlank())) {
            throw new UsageException("A password was given without --user: add --user NAME.");
        }
        if (user != null && password == null) {
            throw new UsageException("--user needs a password: add --password-file FILE or --password-prompt.");
        }
        List<String> points = hosts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (points.isEmpty()) {
            throw new UsageException("--host is empty: name at least one Cassandra host.");
        }
        return new ConnectionSettings(points, port, dc, user, password, null, driverConfig,
                Duration.ofSeconds(connectTimeoutSeconds));
    }

    private String prompt() throws UsageException, IOException {
        Console console = System.console();
        if (console != null) {
            char[] chars = console.readPassword("Password for %s: ", user);
            return chars == null ? "" : new String(chars);
        }
        // No terminal (piped): read one line from standard input.
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        String line = in.readLine();
        if (line == null) {
            throw new UsageException("--password-prompt needs a terminal or a password on standard input.");
        }
        return line;
    }
}
