package dev.ringside.app.history;

import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.TlsSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster a job ran on, as {@code history.json} keeps it: where and how to connect, never a secret. Whether a
 * truststore or keystore had a password is kept as a flag, so that a command line can ask for it again.
 *
 * @param profile               the saved profile's name, or {@code null} when the fields were typed
 * @param contactPoints         {@code host} or {@code host:port}, as given
 * @param localDc               the local datacenter, or {@code null} when inferred
 * @param user                  the user name, or {@code null} without authentication
 * @param tls                   whether TLS was on
 * @param truststorePassword    whether the truststore had a password (the password itself is never kept)
 */
public record ClusterEntry(String profile, List<String> contactPoints, int port, String localDc, String user,
                           boolean tls, String truststore, boolean truststorePassword, String caCertificate,
                           String keystore, boolean verifyHostname, String driverConfig) {

    public ClusterEntry {
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
        port = port > 0 ? port : ConnectionSettings.DEFAULT_PORT;
    }

    /** What to keep of these settings (their passwords are left behind). */
    public static ClusterEntry of(String profile, ConnectionSettings s) {
        TlsSettings t = s.tls();
        return new ClusterEntry(blankToNull(profile), s.contactPoints(), s.port(), s.localDcIfSet().orElse(null),
                blankToNull(s.username()), t != null, path(t == null ? null : t.truststore()),
                t != null && t.truststorePassword() != null, path(t == null ? null : t.caCertificate()),
                path(t == null ? null : t.keystore()), t == null || t.verifyHostname(), path(s.configFile()));
    }

    /**
     * Whether {@code other} is the same cluster: the same contact points (in any order, and with the default port
     * spelled out or not), the same local datacenter and TLS. The profile name, user and files may differ.
     */
    public boolean sameClusterAs(ClusterEntry other) {
        return other != null && endpoints().equals(other.endpoints())
                && equalsIgnoreCase(localDc, other.localDc) && tls == other.tls;
    }

    /** The contact points as {@code host:port}, lower case, sorted. */
    private Set<String> endpoints() {
        Set<String> all = new TreeSet<>();
        for (String p : contactPoints) {
            String point = p.trim().toLowerCase(Locale.ROOT);
            boolean hasPort = point.indexOf(':') >= 0 && point.indexOf(':') == point.lastIndexOf(':');
            all.add(hasPort ? point : point + ":" + port);
        }
        return all;
    }

    /** "profile (host, host)" or "host, host", with the datacenter, for people. */
    public String describe() {
        String points = String.join(", ", contactPoints);
        String where = profile == null ? points : profile + " (" + points + ")";
        return localDc == null ? where : where + ", " + localDc;
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static String path(Path p) {
        return p == null ? null : p.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
