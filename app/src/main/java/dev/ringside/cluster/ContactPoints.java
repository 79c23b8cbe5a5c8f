package dev.ringside.cluster;

import java.util.Optional;

/**
 * The form of one contact point, {@code host} or {@code host:port}, checked before any connection is tried. The
 * problems are worded to follow the front end's name for the field, and name no CLI flag.
 */
public final class ContactPoints {

    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65_535;
    public static final int DEFAULT_PORT = 9042;

    private ContactPoints() {
    }

    /** What is wrong with a port number, worded to follow the field's name ("must be …"), or empty. */
    public static Optional<String> portProblem(long port) {
        if (port < MIN_PORT || port > MAX_PORT) {
            return Optional.of("must be between " + MIN_PORT + " and " + MAX_PORT + " (got " + port
                    + "); Cassandra's is usually " + DEFAULT_PORT + ".");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with one contact point, as {@code 'point': …}, or empty. An address with several colons is taken
     * as an IPv6 address without a port, as the session factory does.
     */
    public static Optional<String> problem(String point) {
        String p = point == null ? "" : point.trim();
        if (p.isEmpty()) {
            return Optional.of("is empty: name a host, e.g. 10.0.0.5 or cassandra-1:9042.");
        }
        if (p.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("'" + p + "' contains a space: separate contact points with commas, host or host:port.");
        }
        int colon = p.lastIndexOf(':');
        if (colon < 0 || p.indexOf(':') != colon) {
            return Optional.empty();
        }
        String host = p.substring(0, colon);
        String port = p.substring(colon + 1);
        if (host.isEmpty()) {
            return Optional.of("'" + p + "' has no host before the port: use host:port, e.g. 127.0.0.1" + p + ".");
        }
        if (port.isEmpty()) {
            return Optional.of("'" + p + "' has no port after the colon: use " + host + " or " + host + ":"
                    + DEFAULT_PORT + ".");
        }
        if (!port.matches("\\d{1,9}")) {
            return Optional.of("'" + p + "' has a port that is not a number ('" + port + "'): use host or host:port, "
                    + "with a port from " + MIN_PORT + " to " + MAX_PORT + ".");
        }
        int n = Integer.parseInt(port);
        if (n < MIN_PORT || n > MAX_PORT) {
            return Optional.of("'" + p + "' has a port out of range (" + n + "): use " + MIN_PORT + " to " + MAX_PORT
                    + ", usually " + DEFAULT_PORT + ".");
        }
        return Optional.empty();
    }
}
