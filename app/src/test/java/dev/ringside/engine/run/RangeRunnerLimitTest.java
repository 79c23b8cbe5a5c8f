package dev.ringside.engine.run;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringside.engine.plan.FakeNode;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner follows a limit that moves while it runs ("auto"), and reports timeouts to whoever tunes it. */
class RangeRunnerLimitTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void launchesMoreWhenTheLimitRisesAndNoMoreThanItWhenItFalls() {
        Node node = FakeNode.at(new InetSocketAddress("127.0.0.1", 9042));
        List<PlannedRange> plan = IntStream.range(0, 10)
                .mapToObj(i -> new PlannedRange(i, TokenRange.of(i * 100L, i * 100L + 100), List.of(node))).toList();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        AtomicInteger limit = new AtomicInteger(2);
        AtomicInteger overloads = new AtomicInteger();
        RangeRunner runner = new RangeRunner(plan, limit::get, overloads::incrementAndGet, 2, false, (piece, n) -> {
            CompletableFuture<Void> f = new CompletableFuture<>();
            synchronized (running) {
                running.add(f);
            }
            return f;
        }, new ProgressTracker(plan, System::nanoTime), scheduler, Set.of());
        runner.start();
        assertThat(running).hasSize(2);

        limit.set(5);
        runner.pump();
        assertThat(running).hasSize(5);

        // Down to 1: the ranges in flight finish, and only one new one starts in their place.
        limit.set(1);
        running.get(0).complete(null);
        running.get(1).complete(null);
        running.get(2).complete(null);
        running.get(3).complete(null);
        assertThat(running).hasSize(5);
        running.get(4).complete(null);
        assertThat(running).hasSize(6);

        running.get(5).completeExceptionally(new DriverTimeoutException("page timed out"));
        assertThat(overloads).hasValue(1);
        runner.cancel();
    }
}
