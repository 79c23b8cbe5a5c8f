package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *
 * <p>Consecutive rows of one partition go as one unlogged batch of up to {@value #BATCH} (a single mutation on each
 * replica, as a wide partition is loaded in practice): a test's wide partition of 100,000 rows took 100,000 requests.
 */
public final class Inserts {

    private static final int IN_FLIGHT = 256;
    private static final int ATTEMPTS = 5;
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Inserts.class);

    private Inserts() {
    }

    public static void run(CqlSession session, long count, LongFunction<BoundStatement> statement) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<BoundStatement> partition = new ArrayList<>();
        ByteBuffer partitionKey = null;
        long requests = 0;
        for (long i = 0; i < count && failure.get() == null; i++) {
            BoundStatement insert = statement.apply(i);
            if (insert.getConsistencyLevel() == null) {
                insert = insert.setConsistencyLevel(DefaultConsistencyLevel.ALL);
            }
            ByteBuffer key = insert.getRoutingKey();
            if (!partition.isEmpty() && !(partition.size() < BATCH && samePartition(partition.get(0), partitionKey, insert, key))) {
                send(session, partition, permits, failure);
                requests++;
                partition.clear();
            }
            if (partition.isEmpty()) {
                partitionKey = key;
            }
            partition.add(insert);
        }
        if (!partition.isEmpty() && failure.get() == null) {
            send(session, partition, permits, failure);
            requests++;
        }
        permits.acquire(IN_FLIGHT);
        permits.release(IN_FLIGHT);
        if (failure.get() != null) {
            throw new IllegalStateException("insert failed", failure.get());
        }
        LOG.info("Inserted {} rows in {} requests, {} ms", count, requests, (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether two inserts may share a batch: the same partition, consistency and idempotence (never a counter's). */
    private static boolean samePartition(BoundStatement first, ByteBuffer firstKey, BoundStatement next, ByteBuffer nextKey) {
        return firstKey != null && firstKey.equals(nextKey) && !Boolean.FALSE.equals(first.isIdempotent())
                && !Boolean.FALSE.equals(next.isIdempotent())
                && Objects.equals(first.getConsistencyLevel(), next.getConsistencyLevel())
                && first.getPreparedStatement().getQuery().equals(next.getPreparedStatement().getQuery());
    }

    private static void send(CqlSession session, List<BoundStatement> partition, Semaphore permits,
                             AtomicReference<Throwable> failure) throws InterruptedException {
        permits.acquire();
        Statement<?> request = partition.size() == 1 ? partition.get(0) : batch(partition);
        send(session, request, 1).whenComplete((rs, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
            permits.release();
        });
    }

    private static BatchStatement batch(List<BoundStatement> partition) {
        ConsistencyLevel level = partition.get(0).getConsistencyLevel();
        return BatchStatement.newInstance(BatchType.UNLOGGED, new ArrayList<>(partition))
                .setConsistencyLevel(level).setIdempotent(true);
    }

    private static CompletionStage<?> send(CqlSession session, Statement<?> insert, int attempt) {
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
