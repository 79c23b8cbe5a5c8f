package dev.ringside.engine;

/** A job cannot start or go on; the message tells the user why and what to do. */
public class JobException extends Exception {

    private static final long serialVersionUID = 1L;

    public JobException(String message) {
        super(message);
    }

    public JobException(String message, Throwable cause) {
        super(message, cause);
    }
}
