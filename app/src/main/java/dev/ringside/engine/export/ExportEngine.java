package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.JobException;
import dev.ringside.engine.Parallelism;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.plan.JobPlan;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.RangeQueries;
import dev.ringside.engine.plan.RingReader;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.JobThreads;
import dev.ringside.engine.run.RangeExecution;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.engine.run.Throttle;
import dev.ringside.sink.ExportColumn;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.RowFileWriters;
import dev.ringside.sink.SinkOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams a whole table to files: ranges read in parallel, page by page, each page handed whole to the writer of
 * the range's file, with at most one more page fetched ahead per range (bounded prefetch). A failed fetch is retried on another replica from the
 * paging state after the last page handed over, so no row is lost or written twice. Files are written under
 * {@code .partial} names, renamed only when every range is written; a checkpoint lets a resumed run finish an
 * interrupted export.
 */
public final class ExportEngine {

    private final CqlSession session;
    private final RowFileWriters writers;
    private final Publisher publisher;

    public ExportEngine(CqlSession session, RowFileWriters writers) {
        this(session, writers, Publisher.ATOMIC_MOVE);
    }

    /** With another way to rename finished files: tests inject a rename that fails. */
    ExportEngine(CqlSession session, RowFileWriters writers, Publisher.FileMove move) {
        this.session = session;
        this.writers = writers;
        this.publisher = new Publisher(move);
    }

    /**
     * Checks the request, plans the ranges, opens the files and starts; returns at once. The steps, in order: the
     * table and columns, the previous run (for a resume), the output folder, the plan, where each range starts, the
     * writers, then the readers.
     */
    public JobHandle<ExportResult> start(ExportRequest request, ProgressListener listener)
            throws SchemaException, JobException, IOException {
        TableInfo table = new SchemaCatalog(session).table(request.keyspace(), request.table());
        List<SelectedColumn> columns = ColumnSelection.selectors(table, request.columns());
        OutputLayout layout = new OutputLayout(request.out(), request.files(), request.sink(), request.shape().rolls());
        Checkpoint.Identity identity = identity(table, columns, request);
        Optional<Checkpoint> previous = previousRun(request, layout, identity);
        List<Checkpoint.Publication> publishing = previous.map(Checkpoint::publishing).orElse(null);
        OutputFolder.check(layout, request, publishing == null ? List.of() : publishing);
        if (publishing != null) {
            // Every range was written and the files were being renamed when the last run stopped: finish that.
            return publisher.finishPublication(table, layout, previous.get(), request);
        }

        RangeJobOptions options = request.options();
        List<PlannedRange> plan;
        Parallelism parallelism;
        if (previous.isPresent()) {
            RingReader ring = new RingReader(session);
            plan = ring.withCurrentReplicas(table.keyspace(), previous.get().ranges().stream()
                    .map(r -> new PlannedRange(r.id(), TokenRange.of(r.start(), r.end()), List.of())).toList());
            parallelism = options.parallelismFor(plan.size(), ring.liveNodes());
        } else {
            JobPlan fresh = JobPlan.of(session, table.keyspace(), options);
            plan = request.shape().sampled()
                    ? RangeSample.choose(fresh.ranges(), request.shape().sample(), request.shape().seed()) : fresh.ranges();
            parallelism = fresh.concurrency().atMost(plan.size());
            OutputFolder.removeStale(layout);
        }
        PreparedStatement select = prepare(new RangeQueries(table).selectOf(
                columns.stream().map(SelectedColumn::cql).toList(), request.where()), request.where());
        Map<Integer, Checkpoint.FileCommit> commits = previous.isPresent()
                ? OutputFolder.usableCommits(layout, previous.get()) : Map.of();
        ResumePoints resume = ResumePoints.of(plan, commits, request.files());
        if (previous.isPresent()) {
            for (int i = 0; i < request.files(); i++) {
                OutputFolder.removeUncommittedParts(layout, i, commits.get(i));
            }
        }
        RowBudget budget = request.shape().limited()
                ? RowBudget.of(request.shape().limit(), resume.writtenRows()) : RowBudget.unlimited();

        RangeExecution execution = new RangeExecution("ringside-export", plan, parallelism, options.maxAttempts(), false,
                listener, request.progressInterval(), resume.done());
        resume.countInto(execution.tracker());
        CheckpointStore store = new CheckpointStore(layout.checkpoint(), identity, ranges(plan), commits);
        store.writeNow();
        // Writer queues are sized for the most ranges that can be in flight ("auto" may go up to its maximum).
        List<FileWriterWorker> workers = openWriters(request, layout, columns, store, execution, parallelism.max(), commits,
                budget, select);
        ExecutorService writerThreads = Executors.newFixedThreadPool(request.files(), JobThreads.named("ringside-writer"));
        workers.forEach(writerThreads::execute);
        execution.onCancel(() -> workers.forEach(FileWriterWorker::abort));

        Throttle throttle = new Throttle(request.maxRowsPerSecond());
        RangeReader reader = new RangeReader(session, execution, workers, resume.cursors(), throttle,
                throttle.pageSize(request.pageSize()), options, select, budget);
        CompletableFuture<RangeExecution.Outcome> running = execution.start(reader);
        // A writer that fails (disk full…) ends the job: the ranges of its file cannot be written anyway.
        workers.forEach(w -> w.done().whenComplete((v, e) -> {
            if (e != null) {
                execution.cancel();
            }
        }));
        CompletableFuture<ExportResult> result = running
                .thenCompose(outcome -> writersDone(workers, outcome))
                .thenApply(outcome -> {
                    writerThreads.shutdown();
                    String error = writerError(workers);
                    // Rows are final only now that the writers have written the last pages handed to them.
                    RangeExecution.Outcome written = new RangeExecution.Outcome(outcome.ranges().stream()
                            .map(o -> new RangeOutcome(o.id(), o.range(), o.state(),
                                    execution.tracker().rows(o.id()), o.node(), o.attempts(), o.error(),
                                    execution.tracker().bytes(o.id()), o.duration()))
                            .toList(), execution.tracker().rows(), outcome.elapsed(), outcome.cancelled() && error == null);
                    ExportResult r = publisher.finish(table, layout, workers, written, execution.parallelism(), error, store,
                            request);
                    execution.close();
                    return r;
                });
        return execution.handle(result);
    }

    /** The checkpoint of the run to resume, refused when it is missing or belongs to other options. */
    private static Optional<Checkpoint> previousRun(ExportRequest request, OutputLayout layout, Checkpoint.Identity identity)
            throws IOException, ExportException {
        if (!request.resume()) {
            return Optional.empty();
        }
        Optional<Checkpoint> previous = Checkpoint.read(layout.checkpoint());
        if (previous.isEmpty()) {
            throw new ExportException(ExportException.Kind.NOTHING_TO_RESUME, layout.checkpoint(), "Nothing to resume: there is no checkpoint "
                    + layout.checkpoint().getFileName() + " beside " + layout.finalFile(0) + ".");
        }
        if (!previous.get().request().equals(identity)) {
            throw new ExportException(ExportException.Kind.CHECKPOINT_MISMATCH, layout.checkpoint(), "The checkpoint "
                    + layout.checkpoint() + " belongs to an export with other options (" + previous.get().request() + ").");
        }
        return previous;
    }

    /** One writer per file, each with a queue deep enough for the pages its ranges in flight may fetch ahead. */
    private List<FileWriterWorker> openWriters(ExportRequest request, OutputLayout layout, List<SelectedColumn> columns,
                                               CheckpointStore store, RangeExecution execution, int parallelism,
                                               Map<Integer, Checkpoint.FileCommit> commits, RowBudget budget,
                                               PreparedStatement select) {
        List<ExportColumn> exportColumns = exportColumns(columns, select);
        // Parquet writers buffer a row group each: together they keep within a share of the heap.
        SinkOptions writerSink = request.sink() instanceof ParquetOptions parquet
                ? parquet.sharedBy(request.files(), Runtime.getRuntime().maxMemory()) : request.sink();
        List<FileWriterWorker> workers = new ArrayList<>();
        for (int i = 0; i < request.files(); i++) {
            workers.add(new FileWriterWorker(i, layout, writers, exportColumns, writerSink, store,
                    execution.tracker(), parallelism, commits.get(i), request.dataRowsPerFile(), budget));
        }
        execution.tracker().trackBytes(() -> workers.stream().mapToLong(FileWriterWorker::bytes).sum(), request.files());
        return workers;
    }

    /** Once the ranges are done: the writers write what was handed to them and close (unless cancelled). */
    private static CompletableFuture<RangeExecution.Outcome> writersDone(List<FileWriterWorker> workers,
                                                                       RangeExecution.Outcome outcome) {
        if (!outcome.cancelled()) {
            workers.forEach(FileWriterWorker::finish);
        }
        CompletableFuture<?>[] all = workers.stream().map(w -> w.done().handle((v, e) -> e)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(v -> outcome);
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




    private PreparedStatement prepare(String cql, String where) throws JobException {
        try {
            return session.prepare(cql);
        } catch (SyntaxError | InvalidQueryException e) {
            if (where != null && !where.isBlank()) {
                boolean needsAllowFiltering = e.getMessage() != null && e.getMessage().contains("ALLOW FILTERING");
                ExportException rejected = new ExportException(needsAllowFiltering
                        ? ExportException.Kind.FILTER_NEEDS_ALLOW_FILTERING : ExportException.Kind.FILTER_REJECTED, null,
                        "The filter condition does not work here: " + e.getMessage() + ".");
                rejected.initCause(e);
                throw rejected;
            }
            throw new JobException("Cassandra rejected the export query: " + e.getMessage(), e);
        }
    }

    /**
     * The columns as the writers get them: a column's type from the schema; a write time's or TTL's as the server
     * answers (bigint, int, or since Cassandra 5.0 a list of them for a collection that is not frozen).
     */
    private static List<ExportColumn> exportColumns(List<SelectedColumn> columns, PreparedStatement select) {
        List<ExportColumn> list = new ArrayList<>();
        var answered = select.getResultSetDefinitions();
        for (int i = 0; i < columns.size(); i++) {
            SelectedColumn c = columns.get(i);
            list.add(new ExportColumn(c.name(), c.function() && i < answered.size() ? answered.get(i).getType() : c.type()));
        }
        return list;
    }

    private static Checkpoint.Identity identity(TableInfo table, List<SelectedColumn> columns, ExportRequest request) {
        return new Checkpoint.Identity(table.keyspace(), table.table(), columns.stream().map(SelectedColumn::name).toList(),
                request.where() == null ? "" : request.where(), request.sink().format().name(),
                SinkOptionMaps.toMap(request.sink()), request.files(), request.options().startToken(), request.options().endToken(),
                request.shape().readsAllIntoOneFileEach() ? null : request.shape());
    }

    private static List<Checkpoint.Range> ranges(List<PlannedRange> plan) {
        return plan.stream().map(p -> new Checkpoint.Range(p.id(), p.range().start(), p.range().end())).toList();
    }
}
