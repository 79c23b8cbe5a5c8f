package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * Fast test-data loading: async inserts with a bounded number in flight.
 *
 * <p>Each insert is written at ALL unless the statement sets its own consistency: a test compares what it reads at
 * LOCAL_ONE (the export's default) with what it wrote, and a loaded machine drops mutations to a replica after
 * acknowledging them at ONE (they come back later as hints). Under ALL every replica holds every row before the test
 * reads, so any replica gives the same answer. A write that times out is sent again, a few times, unless the
 * statement says it is not idempotent (counter updates).
 */
public final class Inserts {

    private static final int IN_FLIGHT = 256;
    private static final int ATTEMPTS = 5;

    private Inserts() {
    }

    public static void run(CqlSession session, long count, LongFunction<BoundStatement> statement) throws InterruptedException {
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long i = 0; i < count && failure.get() == null; i++) {
            permits.acquire();
            BoundStatement insert = statement.apply(i);
            if (insert.getConsistencyLevel() == null) {
                insert = insert.setConsistencyLevel(DefaultConsistencyLevel.ALL);
            }
            send(session, insert, 1).whenComplete((rs, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                permits.release();
            });
        }
        permits.acquire(IN_FLIGHT);
        permits.release(IN_FLIGHT);
        if (failure.get() != null) {
            throw new IllegalStateException("insert failed", failure.get());
        }
    }

    private static CompletionStage<?> send(CqlSession session, BoundStatement insert, int attempt) {
        return session.executeAsync(insert).handle((rs, e) -> e).thenCompose(e -> {
            if (e == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (attempt < ATTEMPTS && !Boolean.FALSE.equals(insert.isIdempotent()) && transientFault(e)) {
                return send(session, insert, attempt + 1);
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    private static boolean transientFault(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof WriteTimeoutException || cause instanceof DriverTimeoutException
                || cause instanceof UnavailableException;
    }
}
