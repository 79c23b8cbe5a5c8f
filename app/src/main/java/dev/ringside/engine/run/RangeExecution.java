package dev.ringside.engine.run;

import dev.ringside.engine.Parallelism;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.progress.ProgressEmitter;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.progress.ProgressTracker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moving parts every range job shares: progress tracking and emission, a timer thread, and the runner that
 * schedules the ranges. Counts and exports supply only the work of one range.
 */
public final class RangeExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RangeExecution.class);

    /** What the runner reports when every range has ended, or the job was cancelled. */
    public record Outcome(List<RangeOutcome> ranges, long rows, Duration elapsed, boolean cancelled) {
    }

    /** How often "auto" decides: long enough to measure rows per second over many pages. */
    static final Duration AUTO_TICK = Duration.ofSeconds(1);

    private final List<PlannedRange> plan;
    private final Parallelism parallelism;
    /** Tunes the parallelism while the job runs, or {@code null} when it is fixed; guarded by itself. */
    private final AutoParallelism auto;
    private volatile int limit;
    private final int maxAttempts;
    private final boolean halveOnTimeout;
    private final Set<Integer> alreadyDone;
    private final ScheduledExecutorService scheduler;
    private final ProgressTracker tracker;
    private final ProgressEmitter emitter;
    private final Duration interval;
    private volatile RangeRunner runner;
    private volatile Runnable onCancel = () -> { };
    private final AtomicBoolean closed = new AtomicBoolean();

    public RangeExecution(String name, List<PlannedRange> plan, int parallelism, int maxAttempts,
                          boolean halveOnTimeout, ProgressListener listener, Duration interval,
                          Set<Integer> alreadyDone) {
        this(name, plan, Parallelism.fixed(parallelism), maxAttempts, halveOnTimeout, listener, interval, alreadyDone);
    }

    public RangeExecution(String name, List<PlannedRange> plan, Parallelism parallelism, int maxAttempts,
                          boolean halveOnTimeout, ProgressListener listener, Duration interval,
                          Set<Integer> alreadyDone) {
        this.plan = List.copyOf(plan);
        this.parallelism = parallelism;
        this.auto = parallelism.auto() ? new AutoParallelism(parallelism.start(), parallelism.max()) : null;
        this.limit = parallelism.start();
        this.maxAttempts = maxAttempts;
        this.halveOnTimeout = halveOnTimeout;
        this.alreadyDone = Set.copyOf(alreadyDone);
        this.scheduler = JobThreads.scheduler(name);
        this.tracker = new ProgressTracker(plan, System::nanoTime);
        this.emitter = new ProgressEmitter(tracker, listener);
        this.interval = interval;
    }

    public ProgressTracker tracker() {
        return tracker;
    }

    /** The job's timer thread, for delays such as throttling and retry backoff. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public List<PlannedRange> plan() {
        return plan;
    }

    /** Range queries in flight at most right now: the fixed value, or what "auto" chose last. */
    public int parallelism() {
        return limit;
    }

    /** Fixed, or auto with its start and maximum. */
    public Parallelism concurrency() {
        return parallelism;
    }

    /** A query or page of this job came back from the servers after {@code nanos}; "auto" weighs it. */
    public void recordLatency(long nanos) {
        if (auto != null) {
            synchronized (auto) {
                auto.latency(nanos);
            }
        }
    }

    private void overloaded() {
        if (auto != null) {
            synchronized (auto) {
                auto.overloaded();
            }
        }
    }

    /** One decision of "auto"; more room launches queued ranges at once, less lets the ranges in flight drain. */
    private void tune() {
        int was = limit;
        int now;
        synchronized (auto) {
            now = auto.tick(System.nanoTime(), tracker.rows());
        }
        limit = now;
        if (now != was) {
            LOG.debug("Auto parallelism {} -> {} (at most {})", was, now, parallelism.max());
        }
        RangeRunner r = runner;
        if (now > was && r != null) {
            r.pump();
        }
    }

    /** Starts the ranges; the future completes when all have ended or the job is cancelled. */
    public CompletableFuture<Outcome> start(RangeWork work) {
        RangeRunner r = new RangeRunner(plan, () -> limit, this::overloaded, maxAttempts, halveOnTimeout, work, tracker,
                scheduler, alreadyDone);
        this.runner = r;
        try {
            emitter.start(scheduler, interval);
            if (auto != null) {
                long tick = AUTO_TICK.toNanos();
                scheduler.scheduleAtFixedRate(this::tune, 0, tick, TimeUnit.NANOSECONDS);
            }
            return r.start().thenApply(ranges -> new Outcome(ranges, tracker.rows(), tracker.elapsed(), r.isCancelled()));
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Emits the last snapshot and stops the timer thread, once: the engine calls it when its result is final, and
     * {@link #handle} calls it again in case that result failed on the way.
     */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            emitter.finish();
            scheduler.shutdown();
        }
    }

    /** Runs {@code action} when the job is cancelled (exports stop their writers this way). */
    public void onCancel(Runnable action) {
        this.onCancel = action;
    }

    public void cancel() {
        RangeRunner r = runner;
        if (r != null) {
            r.cancel();
        }
        onCancel.run();
    }

    public boolean isCancelled() {
        RangeRunner r = runner;
        return r != null && r.isCancelled();
    }

    /** Wraps the job's final result in a handle whose cancel stops this execution. */
    public <R> JobHandle<R> handle(CompletableFuture<R> result) {
        result.whenComplete((r, e) -> close());
        return new JobHandle<>() {
            @Override
            public CompletableFuture<R> result() {
                return result;
            }

            @Override
            public void cancel() {
                RangeExecution.this.cancel();
            }

            @Override
            public int ranges() {
                return plan.size();
            }

            @Override
            public int parallelism() {
                return limit;
            }

            @Override
            public boolean autoParallelism() {
                return parallelism.auto();
            }
        };
    }
}
