package dev.ringside.app;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.ColumnKind;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeOutcome;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/**
 * An in-memory {@link ClusterConnection} for view-model tests: tables, a preview and a size estimate from memory,
 * and counts and exports that plan {@link #ranges} ranges of {@link #rowsPerRange} rows, send a progress snapshot
 * after each range and end with a result as the engines do. It can fail a start, fail some ranges, fail a writer,
 * hold the planning until released (to cancel before the engine hands out its handle), or run until cancelled.
 *
 * <p>As with the engines, a job starts running when it is asked for its result, so a cancel that arrives between
 * the handle and the result (the view-model's cancel during planning) finds it not yet done.
 */
public final class FakeClusterConnection implements ClusterConnection {

    /** Time every fake job takes, so that rates are exact: rows / 2 s. */
    public static final Duration ELAPSED = Duration.ofSeconds(2);
    private static final List<String> NODES = List.of("127.0.0.1:9042", "127.0.0.2:9042", "127.0.0.3:9042");

    private final Map<String, Map<String, TableInfo>> tables = new TreeMap<>();
    private final List<CountRequest> countRequests = new CopyOnWriteArrayList<>();
    private final List<ExportRequest> exportRequests = new CopyOnWriteArrayList<>();
    private volatile int ranges = 8;
    private volatile long rowsPerRange = 100;
    private volatile Set<Integer> failing = Set.of();
    private volatile Exception startFailure;
    private volatile String writerError;
    private volatile Runnable whilePlanning = () -> { };
    private volatile Runnable whileRunning;
    private volatile PlanningGate gate;
    private volatile SizeEstimate size = SizeEstimate.UNKNOWN;
    private volatile boolean closed;
    private volatile Runnable onClose = () -> { };
    private volatile TablePreview preview;

    /** A table {@code (id uuid PRIMARY KEY, d double, n bigint, t text, ts timestamp)}, as the sandbox tests make. */
    public FakeClusterConnection withEventsTable(String keyspace, String table) {
        return withTable(new TableInfo(keyspace, table, List.of(
                new ColumnInfo("id", DataTypes.UUID, ColumnKind.PARTITION_KEY), column("d", DataTypes.DOUBLE),
                column("n", DataTypes.BIGINT), column("t", DataTypes.TEXT), column("ts", DataTypes.TIMESTAMP))));
    }

    private static ColumnInfo column(String name, DataType type) {
        return new ColumnInfo(name, type, ColumnKind.REGULAR);
    }

    public FakeClusterConnection withTable(TableInfo table) {
        tables.computeIfAbsent(table.keyspace(), k -> new TreeMap<>()).put(table.table(), table);
        return this;
    }

    /** Jobs plan this many ranges, each with this many rows. */
    public FakeClusterConnection withRanges(int count, long rowsEach) {
        this.ranges = count;
        this.rowsPerRange = rowsEach;
        return this;
    }

    /** These range ids fail (after 3 attempts, "timed out"). */
    public FakeClusterConnection failingRanges(Integer... ids) {
        this.failing = Set.of(ids);
        return this;
    }

    /** Jobs fail to start with this exception, as the engine throws for a bad table or option. */
    public FakeClusterConnection failingStart(Exception e) {
        this.startFailure = e;
        return this;
    }

    /** Exports end with this writer error (disk full …) after their ranges. */
    public FakeClusterConnection failingWriter(String error) {
        this.writerError = error;
        return this;
    }

    /** Runs before a job's handle exists: where the user may already press Cancel. */
    public FakeClusterConnection whilePlanning(Runnable action) {
        this.whilePlanning = action;
        return this;
    }

    /** Runs once half the ranges of the next job are done; that job then waits to be cancelled instead of finishing. */
    public FakeClusterConnection whileRunning(Runnable action) {
        this.whileRunning = action;
        return this;
    }

    /** Holds the next jobs in planning until {@link PlanningGate#release()}. */
    public PlanningGate holdPlanning() {
        PlanningGate g = new PlanningGate();
        this.gate = g;
        return g;
    }

    public FakeClusterConnection withSizeEstimate(SizeEstimate estimate) {
        this.size = estimate;
        return this;
    }

    public List<CountRequest> countRequests() {
        return List.copyOf(countRequests);
    }

    public List<ExportRequest> exportRequests() {
        return List.copyOf(exportRequests);
    }

    /** Runs when the connection is closed (on the closing thread); it may throw, as a driver's close can. */
    public FakeClusterConnection onClose(Runnable action) {
        this.onClose = action;
        return this;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String description() {
        return NODES.size() + " nodes (" + liveNodes() + " up), datacenter1, in memory";
    }

    @Override
    public List<String> datacenters() {
        return List.of("datacenter1");
    }

    @Override
    public int liveNodes() {
        return NODES.size();
    }

    @Override
    public List<String> keyspaces(boolean includeSystem) {
        List<String> names = new ArrayList<>(tables.keySet());
        if (includeSystem) {
            names.addAll(List.of("system", "system_schema"));
        }
        return names;
    }

    @Override
    public List<String> tables(String keyspace) throws SchemaException {
        if (keyspace.startsWith("system")) {
            return List.of();
        }
        Map<String, TableInfo> in = tables.get(keyspace);
        if (in == null) {
            throw new SchemaException("No keyspace '" + keyspace + "'. Keyspaces: " + String.join(", ", tables.keySet()) + ".");
        }
        return List.copyOf(in.keySet());
    }

    @Override
    public TableInfo table(String keyspace, String table) throws SchemaException {
        TableInfo info = tables.getOrDefault(keyspace, Map.of()).get(table);
        if (info == null) {
            throw new SchemaException("No table '" + table + "' in keyspace '" + keyspace + "'.");
        }
        return info;
    }

    /** The browser's preview shows these rows in place of made-up ones. */
    public FakeClusterConnection withPreview(TablePreview preview) {
        this.preview = preview;
        return this;
    }

    @Override
    public TablePreview preview(String keyspace, String table, int limit) throws SchemaException {
        if (preview != null) {
            return preview;
        }
        List<String> columns = table(keyspace, table).columns().stream().map(ColumnInfo::name).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(limit, ranges * rowsPerRange); r++) {
            int row = r;
            rows.add(columns.stream().map(c -> c + row).toList());
        }
        return new TablePreview(columns, rows);
    }

    @Override
    public SizeEstimate sizeEstimate(String keyspace, String table) {
        return size;
    }

    @Override
    public JobHandle<CountResult> count(CountRequest request, ProgressListener listener) throws Exception {
        countRequests.add(request);
        TableInfo info = plan(request.keyspace(), request.table());
        int parallelism = request.options().effectiveParallelism(ranges, liveNodes());
        return new FakeJob<>(listener, 0, parallelism, (outcomes, cancelled) -> new CountResult(info, rows(outcomes),
                outcomes, parallelism, ELAPSED, cancelled));
    }

    @Override
    public JobHandle<ExportResult> export(ExportRequest request, ProgressListener listener) throws Exception {
        exportRequests.add(request);
        TableInfo info = plan(request.keyspace(), request.table());
        String error = writerError;
        int parallelism = request.options().effectiveParallelism(ranges, liveNodes());
        return new FakeJob<>(listener, request.files(), parallelism, (outcomes, cancelled) -> {
            boolean complete = !cancelled && error == null && outcomes.stream().allMatch(o -> o.state() == RangeState.DONE);
            Path out = request.out();
            List<Path> files = List.of(complete ? out : Path.of(out + ".partial"));
            return new ExportResult(info, rows(outcomes), rows(outcomes) * 10, files, outcomes, parallelism, ELAPSED,
                    cancelled, error, complete ? null : Path.of(out + ".checkpoint"));
        });
    }

    /** What the engines do before they hand out a handle: read the schema (and here, wait where told to). */
    private TableInfo plan(String keyspace, String table) throws Exception {
        TableInfo info = table(keyspace, table);
        whilePlanning.run();
        PlanningGate g = gate;
        if (g != null) {
            g.entered.countDown();
            g.released.await();
        }
        if (startFailure != null) {
            throw startFailure;
        }
        return info;
    }

    private static long rows(List<RangeOutcome> outcomes) {
        return outcomes.stream().mapToLong(RangeOutcome::rows).sum();
    }

    @Override
    public void close() {
        closed = true;
        onClose.run();
    }

    /** Holds jobs in planning: the test waits until a job is there, does what the user would, then lets it go. */
    public static final class PlanningGate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        public void awaitEntered() throws InterruptedException {
            entered.await();
        }

        public void release() {
            released.countDown();
        }
    }

    /** One job: runs its ranges when its result is first asked for, unless cancelled before. */
    private final class FakeJob<R> implements JobHandle<R> {
        private final ProgressListener listener;
        private final int files;
        private final int parallelism;
        private final BiFunction<List<RangeOutcome>, Boolean, R> end;
        private final List<TokenRange> plan = TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE).split(ranges);
        private final List<RangeOutcome> outcomes = new ArrayList<>();
        private final CompletableFuture<R> result = new CompletableFuture<>();
        private boolean started;

        FakeJob(ProgressListener listener, int files, int parallelism, BiFunction<List<RangeOutcome>, Boolean, R> end) {
            this.listener = listener;
            this.files = files;
            this.parallelism = parallelism;
            this.end = end;
        }

        @Override
        public synchronized CompletableFuture<R> result() {
            if (!started && !result.isDone()) {
                started = true;
                run();
            }
            return result;
        }

        private void run() {
            Runnable midway = whileRunning;
            whileRunning = null; // the next job only
            for (int i = 0; i < plan.size(); i++) {
                if (midway != null && i == plan.size() / 2) {
                    midway.run();
                    return; // waits for cancel()
                }
                boolean fails = failing.contains(i);
                synchronized (this) {
                    outcomes.add(new RangeOutcome(i, plan.get(i), fails ? RangeState.FAILED : RangeState.DONE,
                            fails ? 0 : rowsPerRange, NODES.get(i % NODES.size()), fails ? 3 : 1, fails ? "timed out" : null));
                }
                listener.onProgress(snapshot(false));
            }
            listener.onProgress(snapshot(true));
            result.complete(end.apply(List.copyOf(outcomes), false));
        }

        @Override
        public int ranges() {
            return plan.size();
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public synchronized void cancel() {
            if (result.isDone()) {
                return;
            }
            List<RangeOutcome> all = new ArrayList<>(outcomes);
            for (int i = outcomes.size(); i < plan.size(); i++) {
                all.add(new RangeOutcome(i, plan.get(i), RangeState.PENDING, 0, "", 0, null));
            }
            listener.onProgress(snapshot(true));
            result.complete(end.apply(all, true));
        }

        private synchronized ProgressSnapshot snapshot(boolean finished) {
            List<RangeView> views = new ArrayList<>();
            long rows = 0;
            int done = 0;
            int failed = 0;
            double fraction = 0;
            for (int i = 0; i < plan.size(); i++) {
                TokenRange r = plan.get(i);
                RangeOutcome o = i < outcomes.size() ? outcomes.get(i) : null;
                RangeState state = o == null ? RangeState.PENDING : o.state();
                views.add(new RangeView(i, r.start(), r.end(), r.ringFraction(), state, o == null ? 0 : o.rows(),
                        o == null ? "" : o.node()));
                if (state == RangeState.DONE) {
                    done++;
                    rows += o.rows();
                    fraction += r.ringFraction();
                } else if (state == RangeState.FAILED) {
                    failed++;
                }
            }
            double rate = rows / (double) ELAPSED.toSeconds();
            return new ProgressSnapshot(rows, rate, rate, done, failed, 0, plan.size(), done == plan.size() ? 1 : fraction, ELAPSED,
                    finished ? Duration.ZERO : null, rows * 10, files, views, finished);
        }
    }
}
