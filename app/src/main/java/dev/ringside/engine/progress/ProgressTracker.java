package dev.ringside.engine.progress;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * Counts what a job has done, from many threads without locks, and turns it into {@link ProgressSnapshot}s.
 * Snapshots are built by one thread at a time (the emitter), which also keeps the samples for the recent rate.
 */
public final class ProgressTracker {

    private static final long RECENT_WINDOW_NANOS = Duration.ofSeconds(5).toNanos();

    private final List<PlannedRange> plan;
    private final double[] fractions;
    private final AtomicIntegerArray states;
    private final AtomicLongArray rows;
    private final AtomicReferenceArray<String> nodes;
    private final AtomicLongArray bytes;
    /** Per range: clock at its first query, and at its end; 0 while not yet. */
    private final AtomicLongArray firstStart;
    private final AtomicLongArray ended;
    private final AtomicLong totalRows = new AtomicLong();
    private final LongSupplier clock;
    private final long startNanos;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private volatile LongSupplier bytesWritten = () -> 0L;
    private volatile int files;

    public ProgressTracker(List<PlannedRange> plan, LongSupplier nanoClock) {
        this.plan = List.copyOf(plan);
        this.fractions = plan.stream().mapToDouble(p -> p.range().ringFraction()).toArray();
        this.states = new AtomicIntegerArray(plan.size());
        this.rows = new AtomicLongArray(plan.size());
        this.nodes = new AtomicReferenceArray<>(plan.size());
        this.bytes = new AtomicLongArray(plan.size());
        this.firstStart = new AtomicLongArray(plan.size());
        this.ended = new AtomicLongArray(plan.size());
        this.clock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    public void started(int id, String node) {
        nodes.set(id, node);
        firstStart.compareAndSet(id, 0, nonZero(clock.getAsLong()));
        states.compareAndSet(id, RangeState.PENDING.ordinal(), RangeState.RUNNING.ordinal());
    }

    public void addRows(int id, long n) {
        rows.addAndGet(id, n);
        totalRows.addAndGet(n);
    }

    /** Bytes the output grew by for this range's rows (exports). */
    public void addBytes(int id, long n) {
        bytes.addAndGet(id, n);
    }

    public void done(int id) {
        ended.compareAndSet(id, 0, nonZero(clock.getAsLong()));
        states.set(id, RangeState.DONE.ordinal());
    }

    public void failed(int id) {
        ended.compareAndSet(id, 0, nonZero(clock.getAsLong()));
        states.set(id, RangeState.FAILED.ordinal());
    }

    /** Marks a range finished by an earlier run of the job (resume), with its rows. */
    public void alreadyDone(int id, long rowCount) {
        rows.set(id, rowCount);
        totalRows.addAndGet(rowCount);
        states.set(id, RangeState.DONE.ordinal());
    }

    public void trackBytes(LongSupplier bytes, int fileCount) {
        this.bytesWritten = bytes;
        this.files = fileCount;
    }

    public long rows() {
        return totalRows.get();
    }

    public long rows(int id) {
        return rows.get(id);
    }

    public long bytes(int id) {
        return bytes.get(id);
    }

    /** From the range's first query to its end, or to now while it runs; 0 before it starts. */
    public Duration duration(int id) {
        long from = firstStart.get(id);
        if (from == 0) {
            return Duration.ZERO;
        }
        long to = ended.get(id);
        return Duration.ofNanos(Math.max(0, (to == 0 ? clock.getAsLong() : to) - from));
    }

    /** 0 marks "not yet" in the arrays, so a clock reading of exactly 0 is moved by a nanosecond. */
    private static long nonZero(long nanos) {
        return nanos == 0 ? 1 : nanos;
    }

    public String node(int id) {
        String node = nodes.get(id);
        return node == null ? "" : node;
    }

    public Duration elapsed() {
        return Duration.ofNanos(clock.getAsLong() - startNanos);
    }

    /** Builds a snapshot; called by one thread at a time. */
    public synchronized ProgressSnapshot snapshot(boolean finished) {
        long now = clock.getAsLong();
        long rowCount = totalRows.get();
        samples.addLast(new long[] {now, rowCount});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > RECENT_WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        double elapsedSeconds = (now - startNanos) / 1e9;
        double recentSeconds = (now - oldest[0]) / 1e9;
        double average = elapsedSeconds > 0 ? rowCount / elapsedSeconds : 0;
        double recent = recentSeconds > 0.2 ? (rowCount - oldest[1]) / recentSeconds : average;

        int done = 0;
        int failed = 0;
        int running = 0;
        double fraction = 0;
        double total = 0;
        List<RangeView> views = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            RangeState state = RangeState.values()[states.get(i)];
            total += fractions[i];
            switch (state) {
                case DONE -> {
                    done++;
                    fraction += fractions[i];
                }
                case FAILED -> failed++;
                case RUNNING -> running++;
                default -> { }
            }
            TokenRange r = plan.get(i).range();
            views.add(new RangeView(i, r.start(), r.end(), fractions[i], state, rows.get(i), node(i), duration(i)));
        }
        double share = total > 0 ? Math.min(1.0, fraction / total) : 1.0;
        Duration eta = null;
        if (share >= 1.0) {
            eta = Duration.ZERO;
        } else if (share > 0.0 && elapsedSeconds > 1.0) {
            eta = Duration.ofMillis((long) (elapsedSeconds * (1 - share) / share * 1000));
        }
        return new ProgressSnapshot(rowCount, recent, average, done, failed, running, plan.size(), share,
                Duration.ofNanos(now - startNanos), eta, bytesWritten.getAsLong(), files, views, finished);
    }
}
