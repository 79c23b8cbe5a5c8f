package dev.ringside.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open a session. Immutable; the password is kept only in memory.
 *
 * @param contactPoints host names or addresses, each optionally {@code host:port}
 * @param port          native protocol port used when a contact point names none
 * @param localDc       local datacenter, or {@code null} to infer it from the contact points
 * @param username      user name, or {@code null} for no authentication
 * @param password      password, or {@code null}
 * @param tls           TLS settings, or {@code null} for plain text
 * @param configFile    an optional driver {@code application.conf}; its settings win over ours
 * @param connectTimeout how long connecting may take before giving up
 */
public record ConnectionSettings(List<String> contactPoints, int port, String localDc, String username,
                                 String password, TlsSettings tls, Path configFile, Duration connectTimeout) {

    public static final int DEFAULT_PORT = 9042;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSettings {
        contactPoints = List.copyOf(contactPoints);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Plain-text, unauthenticated settings for one host. */
    public static ConnectionSettings of(String host, int port) {
        return new ConnectionSettings(List.of(host), port, null, null, null, null, null, DEFAULT_CONNECT_TIMEOUT);
    }

    public ConnectionSettings withCredentials(String user, String pass) {
        return new ConnectionSettings(contactPoints, port, localDc, user, pass, tls, configFile, connectTimeout);
    }

    public ConnectionSettings withLocalDc(String dc) {
        return new ConnectionSettings(contactPoints, port, dc, username, password, tls, configFile, connectTimeout);
    }

    public Optional<String> localDcIfSet() {
        return Optional.ofNullable(localDc).filter(s -> !s.isBlank());
    }

    /** "host:port, host:port" for messages. */
    public String describe() {
        return String.join(", ", contactPoints.stream().map(h -> h.contains(":") ? h : h + ":" + port).toList());
    }

    @Override
    public String toString() {
        // Never print the password.
        return "ConnectionSettings[" + describe() + ", dc=" + localDc + ", user=" + username + ", tls=" + (tls != null) + "]";
    }
}
