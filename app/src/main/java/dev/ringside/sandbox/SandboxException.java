package dev.ringside.sandbox;

/** The sandbox cannot start or stop; the message says why and what to do. */
public class SandboxException extends Exception {

    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
