package dev.ringside.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample loader's writes in flight. Before, a failed write made the loader stop with one permit taken and never
 * given back, and its wait for the writes in flight hung for ever (seen: `sandbox up --rows 1000000` on a busy
 * machine stuck at 598,446 rows, no message). The timeout below only turns such a hang into a failure.
 */
class BoundedWritesTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedWriteStopsTheLoadAndTheWaitForTheRestEnds() throws Exception {
        BoundedWrites writes = new BoundedWrites(4);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        assertThat(writes.submit(() -> failed)).isTrue();
        failed.completeExceptionally(new IllegalStateException("write timed out"));
        int sent = 0;
        while (writes.submit(() -> {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        })) {
            sent++;
        }
        assertThat(sent).as("nothing is sent after the failure").isZero();
        assertThat(writes.awaitAll()).hasValueSatisfying(e -> assertThat(e).hasMessage("write timed out"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theWaitEndsOnceEveryWriteInFlightHasAnswered() throws Exception {
        BoundedWrites writes = new BoundedWrites(3);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            assertThat(writes.submit(() -> f)).isTrue();
        }
        Thread answer = new Thread(() -> {
            pending.get(0).complete(null);
            pending.get(1).completeExceptionally(new IllegalStateException("overloaded"));
            pending.get(2).complete(null);
        });
        answer.start();
        assertThat(writes.awaitAll()).hasValueSatisfying(e -> assertThat(e).hasMessage("overloaded"));
        answer.join();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWriteThatThrowsBeforeItIsSentCountsAsAFailure() throws Exception {
        BoundedWrites writes = new BoundedWrites(1);
        assertThat(writes.submit(() -> {
            throw new IllegalArgumentException("bad value");
        })).isFalse();
        assertThat(writes.awaitAll()).hasValueSatisfying(e -> assertThat(e).hasMessage("bad value"));
    }
}
