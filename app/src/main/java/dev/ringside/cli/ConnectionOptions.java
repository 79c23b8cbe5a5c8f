package dev.ringside.cli;

import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.ContactPoints;
import dev.ringside.cluster.TlsSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
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

    @Option(names = "--tls", description = "Connect with TLS, trusting the CAs of the Java runtime (implied by every --tls-* option).")
    boolean tls;

    @Option(names = "--tls-ca", paramLabel = "FILE",
            description = "Connect with TLS and trust only the CA certificate(s) in this PEM file.")
    Path tlsCa;

    @Option(names = "--tls-truststore", paramLabel = "FILE",
            description = "Connect with TLS and trust the certificates in this truststore (PKCS#12 or JKS).")
    Path tlsTruststore;

    @Option(names = "--tls-truststore-password-file", paramLabel = "FILE",
            description = "Read the truststore's password from the first line of FILE.")
    Path tlsTruststorePasswordFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "A client certificate and key (PKCS#12 or JKS), for clusters that require client certificates.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "Read the keystore's password from the first line of FILE.")
    Path tlsKeystorePasswordFile;

    @Option(names = "--tls-no-hostname-verification",
            description = "Accept a trusted certificate even if it names another host. Host-name verification is on "
                    + "by default; turning it off lets anyone with a certificate from your CA pose as the cluster.")
    boolean tlsNoHostnameVerification;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** TLS settings from the --tls* options, or {@code null} when none is given. */
    TlsSettings tlsSettings() throws UsageException, IOException {
        boolean any = tls || tlsCa != null || tlsTruststore != null || tlsTruststorePasswordFile != null
                || tlsKeystore != null || tlsKeystorePasswordFile != null || tlsNoHostnameVerification;
        if (!any) {
            return null;
        }
        if (tlsCa != null && tlsTruststore != null) {
            throw new UsageException("Use either --tls-ca or --tls-truststore, not both.");
        }
        if (tlsTruststorePasswordFile != null && tlsTruststore == null) {
            throw new UsageException("--tls-truststore-password-file needs --tls-truststore FILE.");
        }
        if (tlsKeystorePasswordFile != null && tlsKeystore == null) {
            throw new UsageException("--tls-keystore-password-file needs --tls-keystore FILE.");
        }
        if (tlsKeystore != null && tlsKeystorePasswordFile == null) {
            throw new UsageException("--tls-keystore needs its password: add --tls-keystore-password-file FILE.");
        }
        checkReadable(tlsCa, "--tls-ca");
        checkReadable(tlsTruststore, "--tls-truststore");
        checkReadable(tlsKeystore, "--tls-keystore");
        String truststorePassword = tlsTruststorePasswordFile == null ? null
                : readSecret(tlsTruststorePasswordFile, "--tls-truststore-password-file");
        String keystorePassword = tlsKeystorePasswordFile == null ? null
                : readSecret(tlsKeystorePasswordFile, "--tls-keystore-password-file");
        return new TlsSettings(tlsTruststore, truststorePassword, tlsCa, tlsKeystore, keystorePassword,
                !tlsNoHostnameVerification);
    }

    private static void checkReadable(Path file, String option) throws UsageException {
        if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            throw new UsageException(option + ": cannot read " + file + ". Name an existing, readable file.");
        }
    }

    /** The first line of a secret file; warns on standard error when others than its owner may read it. */
    private String readSecret(Path file, String option) throws UsageException, IOException {
        if (!Files.isReadable(file)) {
            throw new UsageException(option + ": cannot read " + file + ". Name an existing, readable file.");
        }
        if (Files.isRegularFile(file)) {
            // A pipe such as <(pass show db) is private to this process; a file on disk may not be.
            warnIfShared(file, option);
        }
        List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "" : lines.get(0);
    }

    private void warnIfShared(Path file, String option) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        boolean shared = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
        if (shared && mixee != null) {
            java.io.PrintWriter err = mixee.commandLine().getErr();
            err.println("Warning: " + option + " " + file + " can be read by other users ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                    + "). Make it private: chmod 600 " + file);
            err.flush();
        }
    }

    /** Validates the options and reads the password. */
    /**
     * Where and as whom to connect, as a job's record keeps it, without reading any secret: for a command line that
     * another program runs (the Spark job reads the password files itself, on its own machine).
     */
    public dev.ringside.app.history.ClusterEntry toClusterEntry() throws UsageException {
        var portProblem = ContactPoints.portProblem(port);
        if (portProblem.isPresent()) {
            throw new UsageException("--port " + portProblem.get());
        }
        List<String> points = hosts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (points.isEmpty()) {
            throw new UsageException("--host is empty: name at least one Cassandra host.");
        }
        for (String point : points) {
            var problem = ContactPoints.problem(point);
            if (problem.isPresent()) {
                throw new UsageException("--host " + problem.get());
            }
        }
        if (passwordFile != null && (user == null || user.isBlank())) {
            throw new UsageException("A password file was given without --user: add --user NAME.");
        }
        if (tlsTruststorePasswordFile != null && tlsTruststore == null) {
            throw new UsageException("--tls-truststore-password-file needs --tls-truststore FILE.");
        }
        boolean tlsOn = tls || tlsCa != null || tlsTruststore != null || tlsKeystore != null || tlsNoHostnameVerification;
        return new dev.ringside.app.history.ClusterEntry(null, points, port, dc, user == null || user.isBlank() ? null : user,
                tlsOn, text(tlsTruststore), tlsTruststorePasswordFile != null, text(tlsCa), text(tlsKeystore),
                !tlsNoHostnameVerification, text(driverConfig));
    }

    /** --password-file as given, or {@code null}. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** Whether --password-prompt was given. */
    public boolean passwordPrompt() {
        return passwordPrompt;
    }

    /** --tls-truststore-password-file as given, or {@code null}. */
    public Path truststorePasswordFile() {
        return tlsTruststorePasswordFile;
    }

    /** --tls-keystore-password-file as given, or {@code null}. */
    public Path keystorePasswordFile() {
        return tlsKeystorePasswordFile;
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

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
            password = readSecret(passwordFile, "--password-file");
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
        return new ConnectionSettings(points, port, dc, user, password, tlsSettings(), driverConfig,
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
