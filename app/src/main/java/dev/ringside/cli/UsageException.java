package dev.ringside.cli;

/** The user's options cannot work together or name something missing; exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
