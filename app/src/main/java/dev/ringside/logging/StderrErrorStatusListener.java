package dev.ringside.logging;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's own problems (say, a log folder that cannot be written), one line each on stderr, errors only. Without a
 * listener, Logback prints its whole start-up status on stdout when anything fails, which would corrupt the output
 * scripts read from {@code ringside count} and {@code --json}.
 */
public final class StderrErrorStatusListener implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.ERROR) {
            Throwable cause = status.getThrowable();
            System.err.println("Ringside logging: " + status.getMessage() + (cause != null ? " (" + cause.getMessage() + ")" : ""));
        }
    }
}
