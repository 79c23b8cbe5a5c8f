package dev.ringside.engine.run;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import dev.ringside.engine.plan.Nodes;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressTracker;
import dev.ringside.engine.progress.RangeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Runs the planned ranges with at most {@code limit} in flight (read before every launch, so "auto" can move it), each on a replica, retrying failures with
 * backoff on the next replica. For counts, a range that keeps timing out is halved and its halves run instead, down
 * to {@link #MAX_DEPTH} halvings. A range that still fails is recorded with its error; the others go on.
 */
final class RangeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RangeRunner.class);
    static final int MAX_DEPTH = 10;
    private static final long BASE_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final List<PlannedRange> plan;
    private final IntSupplier limit;
    private final Runnable onOverload;
    private final int maxAttempts;
    private final boolean halveOnTimeout;
    private final RangeWork work;
    private final ProgressTracker tracker;
    private final ScheduledExecutorService scheduler;
    private final Set<Integer> alreadyDone;

    private final Object lock = new Object();
    private final Deque<RangePiece> queue = new ArrayDeque<>();
    private final Set<CompletableFuture<?>> inFlightFutures = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<List<RangeOutcome>> result = new CompletableFuture<>();
    private RootState[] roots;
    private int inFlight;
    private int rootsLeft;
    private volatile boolean cancelled;
    /** Pump requests not yet served; see {@link #pump()}. */
    private final AtomicInteger pumpRequests = new AtomicInteger();

    private static final class RootState {
        int pendingPieces = 1;
        int attempts;
        boolean finished;
        RangeState state = RangeState.PENDING;
        String error;
    }

    RangeRunner(List<PlannedRange> plan, int parallelism, int maxAttempts, boolean halveOnTimeout, RangeWork work,
                ProgressTracker tracker, ScheduledExecutorService scheduler, Set<Integer> alreadyDone) {
        this(plan, () -> parallelism, () -> { }, maxAttempts, halveOnTimeout, work, tracker, scheduler, alreadyDone);
    }

    /**
     * @param limit      range queries in flight at most, read before every launch
     * @param onOverload told of every attempt that timed out or found a server overloaded
     */
    RangeRunner(List<PlannedRange> plan, IntSupplier limit, Runnable onOverload, int maxAttempts, boolean halveOnTimeout,
                RangeWork work, ProgressTracker tracker, ScheduledExecutorService scheduler, Set<Integer> alreadyDone) {
        this.plan = plan;
        this.limit = limit;
        this.onOverload = onOverload;
        this.maxAttempts = maxAttempts;
        this.halveOnTimeout = halveOnTimeout;
        this.work = work;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.alreadyDone = Set.copyOf(alreadyDone);
    }

    CompletableFuture<List<RangeOutcome>> start() {
        synchronized (lock) {
            roots = new RootState[plan.size()];
            for (PlannedRange range : plan) {
                RootState state = new RootState();
                roots[range.id()] = state;
                if (alreadyDone.contains(range.id())) {
                    state.finished = true;
                    state.state = RangeState.DONE;
                } else {
                    rootsLeft++;
                    queue.addLast(new RangePiece(range, range.range(), 0));
                }
            }
        }
        if (rootsLeft == 0) {
            result.complete(outcomes());
        }
        pump();
        return result;
    }

    /** Stops launching, cancels the queries in flight and completes the result with what is done. */
    void cancel() {
        cancelled = true;
        for (CompletableFuture<?> f : List.copyOf(inFlightFutures)) {
            f.cancel(true);
        }
        result.complete(outcomes());
    }

    boolean isCancelled() {
        return cancelled;
    }

    /**
     * Launches queued pieces while there is room. A piece whose work fails at once (the driver does so when it has
     * no connection) completes inside {@link #launch}, and its completion asks for another pump: that request is
     * only counted here and served by the loop already running, so completions and launches never recurse into
     * each other, however many ranges fail in a row.
     */
    void pump() {
        if (pumpRequests.getAndIncrement() != 0) {
            return;
        }
        int served = 1;
        do {
            List<RangePiece> launch = new ArrayList<>();
            int most = limit.getAsInt();
            synchronized (lock) {
                while (!cancelled && inFlight < most && !queue.isEmpty()) {
                    launch.add(queue.pollFirst());
                    inFlight++;
                }
            }
            for (RangePiece piece : launch) {
                launch(piece);
            }
            served = pumpRequests.addAndGet(-served);
        } while (served != 0);
    }

    private void launch(RangePiece piece) {
        Node node = chooseNode(piece);
        tracker.started(piece.rangeId(), Nodes.label(node));
        CompletableFuture<?> future;
        try {
            future = work.run(piece, node).toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> running = future;
        inFlightFutures.add(running);
        running.whenComplete((ignored, error) -> {
            inFlightFutures.remove(running);
            finishPiece(piece, node, error);
        });
    }

    /** Replicas that are up first, rotated by attempt so that a retry goes to another replica. */
    private Node chooseNode(RangePiece piece) {
        List<Node> replicas = piece.root().replicas();
        if (replicas.isEmpty()) {
            return null;
        }
        List<Node> up = replicas.stream().filter(n -> n.getState() != NodeState.DOWN && n.getState() != NodeState.FORCED_DOWN).toList();
        List<Node> candidates = up.isEmpty() ? replicas : up;
        return candidates.get(Math.floorMod(piece.rangeId() + piece.attempts(), candidates.size()));
    }

    private void finishPiece(RangePiece piece, Node node, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause != null && !cancelled && (isTimeout(cause) || cause instanceof OverloadedException)) {
            onOverload.run();
        }
        boolean retryLater = false;
        synchronized (lock) {
            inFlight--;
            if (cancelled) {
                return;
            }
            RootState root = roots[piece.rangeId()];
            root.attempts++;
            piece.countAttempt();
            if (cause == null) {
                pieceEnded(piece.rangeId(), root, null);
            } else if (halveOnTimeout && isTimeout(cause) && piece.attempts() >= 2 && piece.depth() < MAX_DEPTH
                    && piece.part().span().compareTo(java.math.BigInteger.ONE) > 0) {
                LOG.info("Range {} timed out twice on {}; counting its two halves instead", piece.part(), Nodes.label(node));
                root.pendingPieces++;
                List<TokenRange> halves = piece.part().halves();
                queue.addFirst(new RangePiece(piece.root(), halves.get(1), piece.depth() + 1));
                queue.addFirst(new RangePiece(piece.root(), halves.get(0), piece.depth() + 1));
            } else if (piece.attempts() < maxAttempts) {
                LOG.debug("Range {} failed on {} (attempt {}): {}", piece.part(), Nodes.label(node), piece.attempts(), describe(cause));
                retryLater = true;
            } else {
                LOG.warn("Range {} failed after {} attempts: {}", piece.part(), piece.attempts(), describe(cause));
                pieceEnded(piece.rangeId(), root, "range " + piece.part() + ": " + describe(cause));
            }
        }
        if (retryLater) {
            long delay = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(10, piece.attempts() - 1));
            scheduler.schedule(() -> {
                synchronized (lock) {
                    queue.addFirst(piece);
                }
                pump();
            }, delay, TimeUnit.MILLISECONDS);
        }
        pump();
        boolean allDone;
        synchronized (lock) {
            allDone = rootsLeft == 0;
        }
        if (allDone) {
            result.complete(outcomes());
        }
    }

    /** Called under the lock when a piece succeeded ({@code error == null}) or gave up. */
    private void pieceEnded(int id, RootState root, String error) {
        if (error != null && root.error == null) {
            root.error = error;
        }
        if (--root.pendingPieces == 0 && !root.finished) {
            root.finished = true;
            rootsLeft--;
            if (root.error == null) {
                root.state = RangeState.DONE;
                tracker.done(id);
            } else {
                root.state = RangeState.FAILED;
                tracker.failed(id);
            }
        }
    }

    private List<RangeOutcome> outcomes() {
        synchronized (lock) {
            List<RangeOutcome> list = new ArrayList<>(plan.size());
            for (PlannedRange range : plan) {
                RootState s = roots[range.id()];
                list.add(new RangeOutcome(range.id(), range.range(), s.state, tracker.rows(range.id()),
                        tracker.node(range.id()), s.attempts, s.error, tracker.bytes(range.id()),
                        tracker.duration(range.id())));
            }
            return list;
        }
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof DriverTimeoutException || t instanceof ReadTimeoutException;
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
