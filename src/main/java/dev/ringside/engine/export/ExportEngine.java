package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.JobException;
import dev.ringside.engine.JobHandle;
import dev.ringside.engine.JobThreads;
import dev.ringside.engine.PlannedRange;
import dev.ringside.engine.ProgressListener;
import dev.ringside.engine.RangeExecution;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.RangePiece;
import dev.ringside.engine.RangePlanner;
import dev.ringside.engine.RangeQueries;
import dev.ringside.engine.RingReader;
import dev.ringside.engine.TokenRange;
import dev.ringside.sink.ExportColumn;
import dev.ringside.sink.RowFileWriters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Streams a whole table to files: ranges read in parallel, page by page, each page handed to the writer of the
 * range's file before the next page is fetched (backpressure). A failed fetch is retried on another replica from the
 * paging state after the last page handed over, so no row is lost or written twice. Files are written under
 * {@code .partial} names, renamed only when every range is written; a checkpoint lets {@code --resume} finish an
 * interrupted export.
 */
public final class ExportEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ExportEngine.class);

    /** Gives a finished file its final name; a seam for tests that inject a failed rename. */
    @FunctionalInterface
    interface FileMove {
        void move(Path source, Path target) throws IOException;
    }

    static final FileMove ATOMIC_MOVE = (source, target) -> Files.move(source, target,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

    private final CqlSession session;
    private final RowFileWriters writers;
    private final FileMove move;

    public ExportEngine(CqlSession session, RowFileWriters writers) {
        this(session, writers, ATOMIC_MOVE);
    }

    ExportEngine(CqlSession session, RowFileWriters writers, FileMove move) {
        this.session = session;
        this.writers = writers;
        this.move = move;
    }

    /** Checks the request, plans the ranges, opens the files and starts; returns at once. */
    public JobHandle<ExportResult> start(ExportRequest request, ProgressListener listener)
            throws SchemaException, JobException, IOException {
        TableInfo table = new SchemaCatalog(session).table(request.keyspace(), request.table());
        List<ColumnInfo> columns = selectColumns(table, request.columns());
        OutputLayout layout = new OutputLayout(request.out(), request.files(), request.sink());
        checkOutput(layout, request);
        Checkpoint.Identity identity = identity(table, columns, request);

        Optional<Checkpoint> previous = request.resume() ? Checkpoint.read(layout.checkpoint()) : Optional.empty();
        if (request.resume() && previous.isEmpty()) {
            throw new JobException("Nothing to resume: no checkpoint " + layout.checkpoint().getFileName()
                    + " beside " + layout.finalFile(0) + ". Run the export without --resume.");
        }
        if (previous.isPresent() && !previous.get().request().equals(identity)) {
            throw new JobException("The checkpoint " + layout.checkpoint() + " belongs to an export with other options ("
                    + previous.get().request() + "). Resume with the same options, or start over with --overwrite.");
        }
        RangeJobOptions options = request.options();
        RingReader ring = new RingReader(session);
        List<PlannedRange> plan = previous.isPresent()
                ? replan(previous.get().ranges(), table.keyspace())
                : new RangePlanner().plan(ring.ownedRanges(table.keyspace(), options.startToken(), options.endToken()), options.splits());
        if (previous.isEmpty()) {
            removeStale(layout);
        }
        int parallelism = options.effectiveParallelism(plan.size(), ring.liveNodes());
        RangeQueries queries = new RangeQueries(table);
        PreparedStatement exclusive = prepare(queries.select(columns, request.where(), false), request.where());
        PreparedStatement inclusive = prepare(queries.select(columns, request.where(), true), request.where());

        Map<Integer, Checkpoint.FileCommit> commits = previous.map(Checkpoint::commits).orElse(Map.of());
        Map<Integer, RangeCursor> cursors = new HashMap<>();
        Set<Integer> alreadyDone = new HashSet<>();
        Map<Integer, Long> doneRows = new HashMap<>();
        for (PlannedRange range : plan) {
            RangeCursor cursor = new RangeCursor();
            Checkpoint.FileCommit commit = commits.get(range.id() % request.files());
            Checkpoint.RangeCommit state = commit == null ? null : commit.ranges().get(range.id());
            if (state != null && state.done()) {
                alreadyDone.add(range.id());
                doneRows.put(range.id(), state.rows());
            } else if (state != null && state.pagingState() != null) {
                cursor.pagingState = ByteBuffer.wrap(Base64.getDecoder().decode(state.pagingState()));
                cursor.resumedRows = state.rows();
            }
            cursors.put(range.id(), cursor);
        }

        RangeExecution execution = new RangeExecution("ringside-export", plan, parallelism, options.maxAttempts(), false,
                listener, request.progressInterval(), alreadyDone);
        doneRows.forEach(execution.tracker()::alreadyDone);
        cursors.forEach((id, c) -> {
            if (c.resumedRows > 0) {
                execution.tracker().addRows(id, c.resumedRows);
            }
        });

        CheckpointStore store = new CheckpointStore(layout.checkpoint(), identity, ranges(plan), commits);
        store.writeNow();
        List<ExportColumn> exportColumns = columns.stream().map(c -> new ExportColumn(c.name(), c.type())).toList();
        List<FileWriterWorker> workers = new ArrayList<>();
        int queueCapacity = parallelism;
        for (int i = 0; i < request.files(); i++) {
            workers.add(new FileWriterWorker(i, layout, writers, exportColumns, request.sink(), store,
                    execution.tracker(), queueCapacity, commits.get(i)));
        }
        execution.tracker().trackBytes(() -> workers.stream().mapToLong(FileWriterWorker::bytes).sum(), request.files());
        ExecutorService writerThreads = Executors.newFixedThreadPool(request.files(), JobThreads.named("ringside-writer"));
        workers.forEach(writerThreads::execute);
        execution.onCancel(() -> workers.forEach(FileWriterWorker::abort));

        Throttle throttle = new Throttle(request.maxRowsPerSecond());
        RangeReader reader = new RangeReader(session, execution, workers, cursors, throttle, throttle.pageSize(request.pageSize()), options,
                exclusive, inclusive);
        CompletableFuture<ExportResult> result = execution.start(reader)
                .thenCompose(outcome -> {
                    if (!outcome.cancelled()) {
                        workers.forEach(FileWriterWorker::finish);
                    }
                    CompletableFuture<?>[] all = workers.stream().map(w -> w.done().handle((v, e) -> e)).toArray(CompletableFuture[]::new);
                    return CompletableFuture.allOf(all).thenApply(v -> outcome);
                })
                .thenApply(outcome -> {
                    writerThreads.shutdown();
                    String error = writerError(workers);
                    // Rows are final only now that the writers have written the last pages handed to them.
                    RangeExecution.Outcome written = new RangeExecution.Outcome(outcome.ranges().stream()
                            .map(o -> new dev.ringside.engine.RangeOutcome(o.id(), o.range(), o.state(),
                                    execution.tracker().rows(o.id()), o.node(), o.attempts(), o.error()))
                            .toList(), execution.tracker().rows(), outcome.elapsed(), outcome.cancelled());
                    ExportResult r = finish(table, layout, workers, written, parallelism, error, store, request);
                    execution.close();
                    return r;
                });
        return execution.handle(result);
    }

    private ExportResult finish(TableInfo table, OutputLayout layout, List<FileWriterWorker> workers,
                                RangeExecution.Outcome outcome, int parallelism, String error, CheckpointStore store,
                                ExportRequest request) {
        long bytes = workers.stream().mapToLong(FileWriterWorker::bytes).sum();
        boolean complete = !outcome.cancelled() && error == null
                && outcome.ranges().stream().allMatch(r -> r.state() == dev.ringside.engine.RangeState.DONE);
        List<Path> files = new ArrayList<>();
        if (complete) {
            try {
                for (int i = 0; i < workers.size(); i++) {
                    files.add(publish(workers.get(i).parts(), layout.finalFile(i)));
                }
                Files.deleteIfExists(store.file());
                bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                return new ExportResult(table, outcome.rows(), bytes, files, outcome.ranges(), parallelism,
                        outcome.elapsed(), false, null, null);
            } catch (IOException e) {
                LOG.error("Could not move the finished files to their final names", e);
                error = "Could not give the finished files their final names: " + e.getMessage();
                files.clear();
            }
        }
        for (FileWriterWorker w : workers) {
            files.addAll(w.parts().isEmpty() ? List.of(w.currentPart()) : w.parts());
        }
        return new ExportResult(table, outcome.rows(), bytes, files, outcome.ranges(), parallelism, outcome.elapsed(),
                outcome.cancelled(), error, store.file());
    }

    /** Renames the single part to the final name, or merges Parquet parts from resumed runs into it. */
    private Path publish(List<Path> parts, Path target) throws IOException {
        if (parts.size() == 1) {
            move.move(parts.get(0), target);
            return target;
        }
        Path merged = target.resolveSibling(target.getFileName() + ".partial-merged");
        dev.ringside.sink.ParquetFiles.merge(parts, merged);
        move.move(merged, target);
        for (Path p : parts) {
            Files.deleteIfExists(p);
        }
        return target;
    }

    private static String writerError(List<FileWriterWorker> workers) {
        for (FileWriterWorker w : workers) {
            if (w.done().isCompletedExceptionally()) {
                try {
                    w.done().join();
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    return "Writing " + w.currentPart() + " failed: " + cause.getMessage();
                }
            }
        }
        return null;
    }

    private static List<ColumnInfo> selectColumns(TableInfo table, List<String> names) throws SchemaException {
        if (names.isEmpty()) {
            return table.columns();
        }
        List<ColumnInfo> selected = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            String unquoted = name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                    ? name.substring(1, name.length() - 1) : name;
            Optional<ColumnInfo> exact = table.column(unquoted);
            List<ColumnInfo> loose = table.columns().stream().filter(c -> c.name().equalsIgnoreCase(unquoted)).toList();
            ColumnInfo column = exact.orElse(loose.size() == 1 ? loose.get(0) : null);
            if (column == null) {
                throw new SchemaException("Unknown column '" + name + "' in " + table.displayName() + ". Columns: "
                        + String.join(", ", table.columns().stream().map(ColumnInfo::name).toList()) + ".");
            }
            if (selected.contains(column)) {
                throw new SchemaException("Column '" + column.name() + "' is listed twice in --columns.");
            }
            selected.add(column);
        }
        return selected;
    }

    private static void checkOutput(OutputLayout layout, ExportRequest request) throws JobException {
        Path folder = layout.folder();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new JobException("Cannot write to " + layout.finalFile(0) + ": the folder " + folder
                    + " does not exist. Create it or choose another --out.");
        }
        if (!Files.isWritable(folder)) {
            throw new JobException("Cannot write to " + folder + ": permission denied. Choose another --out.");
        }
        for (Path f : layout.finalFiles()) {
            if (Files.isDirectory(f)) {
                throw new JobException(f + " is a folder. Give --out a file name, e.g. " + f.resolve("export." + request.sink().format().extension()) + ".");
            }
            if (Files.exists(f) && !request.overwrite()) {
                throw new JobException(f + " already exists. Add --overwrite to replace it, or choose another --out.");
            }
        }
        if (!request.resume() && !request.overwrite() && Files.exists(layout.checkpoint())) {
            throw new JobException("An unfinished export to " + layout.finalFile(0).getFileName() + " exists (checkpoint "
                    + layout.checkpoint().getFileName() + "). Add --resume to finish it, or --overwrite to start over.");
        }
    }

    /** A fresh run removes what an earlier, abandoned run left. */
    private static void removeStale(OutputLayout layout) throws IOException {
        Files.deleteIfExists(layout.checkpoint());
        for (int i = 0; i < layout.files(); i++) {
            for (int part = 0; part < 1000; part++) {
                if (!Files.deleteIfExists(layout.partialFile(i, part)) && part > 0) {
                    break;
                }
            }
        }
    }

    private PreparedStatement prepare(String cql, String where) throws JobException {
        try {
            return session.prepare(cql);
        } catch (SyntaxError | InvalidQueryException e) {
            if (where != null && !where.isBlank()) {
                String hint = e.getMessage() != null && e.getMessage().contains("ALLOW FILTERING")
                        ? " End --where with ALLOW FILTERING if you accept the cost." : "";
                throw new JobException("The --where condition does not work here: " + e.getMessage() + "." + hint, e);
            }
            throw new JobException("Cassandra rejected the export query: " + e.getMessage(), e);
        }
    }

    private static Checkpoint.Identity identity(TableInfo table, List<ColumnInfo> columns, ExportRequest request) {
        return new Checkpoint.Identity(table.keyspace(), table.table(), columns.stream().map(ColumnInfo::name).toList(),
                request.where() == null ? "" : request.where(), request.sink().format().name(),
                SinkOptionMaps.toMap(request.sink()), request.files(), request.options().startToken(), request.options().endToken());
    }

    private static List<Checkpoint.Range> ranges(List<PlannedRange> plan) {
        return plan.stream().map(p -> new Checkpoint.Range(p.id(), p.range().start(), p.range().end(),
                p.range().startInclusive())).toList();
    }

    /** The checkpoint's ranges with their replicas as the ring is now. */
    private List<PlannedRange> replan(List<Checkpoint.Range> ranges, String keyspace) throws JobException {
        TokenMap tokenMap = session.getMetadata().getTokenMap().orElseThrow(() -> new JobException("The driver has no token map."));
        CqlIdentifier ks = CqlIdentifier.fromInternal(keyspace);
        List<PlannedRange> plan = new ArrayList<>();
        for (Checkpoint.Range r : ranges) {
            Set<Node> replicas = tokenMap.getReplicas(ks, tokenMap.parse(Long.toString(r.end())));
            plan.add(new PlannedRange(r.id(), new TokenRange(r.start(), r.end(), r.startInclusive()), List.copyOf(replicas)));
        }
        return plan;
    }

    /** Where a range stands: the paging state after the last page handed to its writer. */
    static final class RangeCursor {
        volatile ByteBuffer pagingState;
        volatile long resumedRows;
    }

    /** Reads one range page by page and hands each page to its file's writer. */
    private static final class RangeReader implements dev.ringside.engine.RangeWork {
        private final CqlSession session;
        private final RangeExecution execution;
        private final List<FileWriterWorker> workers;
        private final Map<Integer, RangeCursor> cursors;
        private final Throttle throttle;
        private final int pageSize;
        private final RangeJobOptions options;
        private final PreparedStatement exclusive;
        private final PreparedStatement inclusive;

        RangeReader(CqlSession session, RangeExecution execution, List<FileWriterWorker> workers, Map<Integer, RangeCursor> cursors,
                    Throttle throttle, int pageSize, RangeJobOptions options, PreparedStatement exclusive,
                    PreparedStatement inclusive) {
            this.session = session;
            this.execution = execution;
            this.workers = workers;
            this.cursors = cursors;
            this.throttle = throttle;
            this.pageSize = pageSize;
            this.options = options;
            this.exclusive = exclusive;
            this.inclusive = inclusive;
        }

        @Override
        public CompletionStage<?> run(RangePiece piece, Node coordinator) {
            RangeCursor cursor = cursors.get(piece.rangeId());
            FileWriterWorker worker = workers.get(piece.rangeId() % workers.size());
            CompletableFuture<Void> done = new CompletableFuture<>();
            TokenRange part = piece.part();
            BoundStatement statement = (part.startInclusive() ? inclusive : exclusive).bind(part.start(), part.end())
                    .setPageSize(pageSize)
                    .setConsistencyLevel(options.consistency())
                    .setTimeout(options.rangeTimeout())
                    .setNode(coordinator)
                    .setIdempotent(true);
            ByteBuffer state = cursor.pagingState;
            if (state != null) {
                statement = statement.setPagingState(state.duplicate());
            }
            BoundStatement first = statement;
            Runnable fetch = () -> session.executeAsync(first).whenComplete((rs, error) -> onPage(rs, error, piece, cursor, worker, done));
            long wait = throttle.delay(System.nanoTime());
            if (wait > 0) {
                execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
            } else {
                fetch.run();
            }
            return done;
        }

        private void onPage(AsyncResultSet rs, Throwable error, RangePiece piece, RangeCursor cursor,
                            FileWriterWorker worker, CompletableFuture<Void> done) {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            if (done.isDone()) {
                return; // cancelled
            }
            ByteBuffer next = rs.hasMorePages() ? rs.getExecutionInfo().getPagingState() : null;
            int rows = rs.remaining();
            throttle.record(rows, System.nanoTime());
            worker.submit(new Page(piece.rangeId(), rs, next, new CompletableFuture<>())).whenComplete((v, e) -> {
                if (e != null) {
                    done.cancel(false); // the writer stopped: the job is ending
                    return;
                }
                cursor.pagingState = next;
                if (next == null) {
                    done.complete(null);
                    return;
                }
                if (done.isDone()) {
                    return;
                }
                long wait = throttle.delay(System.nanoTime());
                Runnable fetch = () -> rs.fetchNextPage().whenComplete((r2, e2) -> onPage(r2, e2, piece, cursor, worker, done));
                if (wait > 0) {
                    execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
                } else {
                    fetch.run();
                }
            });
        }
    }
}
