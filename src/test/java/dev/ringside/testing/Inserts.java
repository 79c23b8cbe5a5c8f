package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/** Fast test-data loading: async inserts with a bounded number in flight. */
public final class Inserts {

    private Inserts() {
    }

    public static void run(CqlSession session, long count, LongFunction<BoundStatement> statement) throws InterruptedException {
        Semaphore permits = new Semaphore(256);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long i = 0; i < count && failure.get() == null; i++) {
            permits.acquire();
            session.executeAsync(statement.apply(i)).whenComplete((rs, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                permits.release();
            });
        }
        permits.acquire(256);
        permits.release(256);
        if (failure.get() != null) {
            throw new IllegalStateException("insert failed", failure.get());
        }
    }
}
