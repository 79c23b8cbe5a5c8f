package dev.ringside.cli;

/** The user's options cannot work together or name something missing; exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
