package dev.ringside.cluster;

/** Connecting failed; the message says what went wrong and what to do, in words a user understands. */
public class ConnectionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so that a front end can add its own advice (a flag name, a checkbox). */
    public enum Kind {
        /** The server's certificate does not chain to a CA the client trusts. */
        TLS_UNTRUSTED,
        /** The server's certificate is trusted but names another host. */
        TLS_HOSTNAME_MISMATCH,
        /** The client's own TLS material (truststore, keystore, CA file) cannot be read. */
        TLS_SETUP,
        /** Another TLS handshake failure, e.g. TLS spoken to a plain-text port. */
        TLS_HANDSHAKE,
        /** Wrong or missing credentials. */
        AUTHENTICATION,
        /** The local datacenter given is not one of the cluster's. */
        LOCAL_DC,
        /** Anything else: unreachable, timed out, bad contact point. */
        OTHER
    }

    private final Kind kind;

    public ConnectionException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public ConnectionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
