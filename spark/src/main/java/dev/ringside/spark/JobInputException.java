package dev.ringside.spark;

/** Bad input: the message says what to change, and the job exits with 2 without a stack trace. */
public final class JobInputException extends RuntimeException {
    public JobInputException(String message) {
        super(message);
    }
}
