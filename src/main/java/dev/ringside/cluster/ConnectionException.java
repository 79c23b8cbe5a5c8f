package dev.ringside.cluster;

/** Connecting failed; the message says what went wrong and what to do, in words a user understands. */
public class ConnectionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
