package dev.ringside.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A replaced connection is closed off the caller's (the UI's) thread, and a failing close does not reach it. */
class ConnectionCloserTest {

    @Test
    void closesOnAnotherThread() throws Exception {
        CompletableFuture<String> closedOn = new CompletableFuture<>();
        FakeClusterConnection connection = new FakeClusterConnection()
                .onClose(() -> closedOn.complete(Thread.currentThread().getName()));
        ConnectionCloser.inBackground().close(connection);
        assertThat(closedOn.get()).isEqualTo("ringside-connection-closer");
        assertThat(connection.closed()).isTrue();
    }

    @Test
    void aFailingCloseIsLoggedNotThrown() {
        List<Runnable> queued = new ArrayList<>();
        FakeClusterConnection connection = new FakeClusterConnection().onClose(() -> {
            throw new IllegalStateException("channel already gone");
        });
        new ConnectionCloser(queued::add).close(connection);
        assertThat(connection.closed()).isFalse(); // not on the caller's thread
        assertThat(queued).hasSize(1);
        queued.get(0).run(); // logs, does not throw
        assertThat(connection.closed()).isTrue();
    }
}
