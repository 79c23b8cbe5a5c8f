package dev.ringside.sandbox;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Async writes with at most a fixed number in flight. The first failure stops new writes; waiting for the rest
 * always ends, because every permit taken is given back whether its write is sent or not.
 */
final class BoundedWrites {

    private final int max;
    private final Semaphore permits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BoundedWrites(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** Sends a write once a place is free; false (and nothing sent) once an earlier write has failed. */
    boolean submit(Supplier<? extends CompletionStage<?>> write) throws InterruptedException {
        permits.acquire();
        if (failure.get() != null) {
            permits.release();
            return false;
        }
        CompletionStage<?> sent;
        try {
            sent = write.get();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            permits.release();
            return false;
        }
        sent.whenComplete((v, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
            permits.release();
        });
        return true;
    }

    /** Waits until no write is in flight; then the first failure, if any. */
    Optional<Throwable> awaitAll() throws InterruptedException {
        permits.acquire(max);
        permits.release(max);
        return Optional.ofNullable(failure.get());
    }
}
