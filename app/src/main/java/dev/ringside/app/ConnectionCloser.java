package dev.ringside.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * Closes connections that the user has replaced or left. Closing a driver session waits for its channels, so the
 * app does it on a background thread and the window never stalls; a failure is logged, as nobody waits for it.
 */
public final class ConnectionCloser {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCloser.class);

    private final Executor executor;

    public ConnectionCloser(Executor executor) {
        this.executor = executor;
    }

    /** Closes on a new daemon thread for each connection (they are rare). */
    public static ConnectionCloser inBackground() {
        return new ConnectionCloser(work -> {
            Thread t = new Thread(work, "ringside-connection-closer");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Closes on the caller's thread: for tests. */
    public static ConnectionCloser inline() {
        return new ConnectionCloser(Runnable::run);
    }

    public void close(ClusterConnection connection) {
        executor.execute(() -> {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the connection to {} failed: {}", connection, e.getMessage());
            }
        });
    }
}
