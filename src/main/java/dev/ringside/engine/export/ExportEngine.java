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
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.SinkOptions;
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
        Checkpoint.Identity identity = identity(table, columns, request);

        Optional<Checkpoint> previous = request.resume() ? Checkpoint.read(layout.checkpoint()) : Optional.empty();
        if (request.resume() && previous.isEmpty()) {
            throw new ExportException(ExportException.Kind.NOTHING_TO_RESUME, layout.checkpoint(), "Nothing to resume: there is no checkpoint "
                    + layout.checkpoint().getFileName() + " beside " + layout.finalFile(0) + ".");
        }
        if (previous.isPresent() && !previous.get().request().equals(identity)) {
            throw new ExportException(ExportException.Kind.CHECKPOINT_MISMATCH, layout.checkpoint(), "The checkpoint "
                    + layout.checkpoint() + " belongs to an export with other options (" + previous.get().request() + ").");
        }
        List<Checkpoint.Publication> publishing = previous.map(Checkpoint::publishing).orElse(null);
        checkOutput(layout, request, publishing == null ? List.of() : publishing);
        if (publishing != null) {
            // Every range was written and the files were being renamed when the last run stopped: finish that.
            return finishPublication(table, layout, previous.get(), request);
        }
        RangeJobOptions options = request.options();
        RingReader ring = new RingReader(session);
        List<PlannedRange> plan = previous.isPresent()
                ? replan(previous.get().ranges(), table.keyspace(), ring)
                : new RangePlanner().plan(ring.ownedRanges(table.keyspace(), options.startToken(), options.endToken()), options.splits());
        if (previous.isEmpty()) {
            removeStale(layout);
        }
        int parallelism = options.effectiveParallelism(plan.size(), ring.liveNodes());
        RangeQueries queries = new RangeQueries(table);
        PreparedStatement select = prepare(queries.select(columns, request.where()), request.where());

        Map<Integer, Checkpoint.FileCommit> commits = previous.isPresent() ? usableCommits(layout, previous.get()) : Map.of();
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
            } else if (state != null) {
                cursor.resumedRows = state.rows();
                cursor.handedRows = state.rows();
                if (state.pagingState() != null) {
                    cursor.pagingState = ByteBuffer.wrap(Base64.getDecoder().decode(state.pagingState()));
                } else {
                    cursor.skip = state.rows(); // read again from the start, leaving out what the file holds
                }
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
        // Parquet writers buffer a row group each: together they keep within a share of the heap.
        SinkOptions writerSink = request.sink() instanceof ParquetOptions parquet
                ? parquet.sharedBy(request.files(), Runtime.getRuntime().maxMemory()) : request.sink();
        for (int i = 0; i < request.files(); i++) {
            workers.add(new FileWriterWorker(i, layout, writers, exportColumns, writerSink, store,
                    execution.tracker(), queueCapacity, commits.get(i)));
        }
        execution.tracker().trackBytes(() -> workers.stream().mapToLong(FileWriterWorker::bytes).sum(), request.files());
        ExecutorService writerThreads = Executors.newFixedThreadPool(request.files(), JobThreads.named("ringside-writer"));
        workers.forEach(writerThreads::execute);
        execution.onCancel(() -> workers.forEach(FileWriterWorker::abort));

        Throttle throttle = new Throttle(request.maxRowsPerSecond());
        RangeReader reader = new RangeReader(session, execution, workers, cursors, throttle, throttle.pageSize(request.pageSize()), options,
                select);
        CompletableFuture<RangeExecution.Outcome> running = execution.start(reader);
        // A writer that fails (disk full…) ends the job: the ranges of its file cannot be written anyway.
        workers.forEach(w -> w.done().whenComplete((v, e) -> {
            if (e != null) {
                execution.cancel();
            }
        }));
        CompletableFuture<ExportResult> result = running
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
                            .toList(), execution.tracker().rows(), outcome.elapsed(), outcome.cancelled() && error == null);
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
        boolean partlyPublished = false;
        if (complete) {
            List<Checkpoint.Publication> plan = new ArrayList<>();
            try {
                for (int i = 0; i < workers.size(); i++) {
                    List<Path> parts = workers.get(i).parts();
                    Path source = parts.get(0);
                    if (parts.size() > 1) {
                        // Parquet parts of resumed runs are joined into one file first.
                        source = layout.mergedFile(i);
                        dev.ringside.sink.ParquetFiles.merge(parts, source);
                    }
                    Path target = layout.finalFile(i);
                    if (!request.overwrite() && Files.exists(target)) {
                        throw new java.nio.file.FileAlreadyExistsException(target.toString(), null,
                                "this file appeared while the export ran; it was left as it is");
                    }
                    plan.add(new Checkpoint.Publication(source.getFileName().toString(), target.getFileName().toString()));
                }
                // Durable before the first rename: an interrupted publication is finished by a resume.
                store.publishing(plan);
                files.addAll(publishAll(layout.folder(), plan));
                removeFinished(layout, store.commits(), plan);
                Files.deleteIfExists(store.file());
                Checkpoint.syncFolder(layout.folder());
                bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                return new ExportResult(table, outcome.rows(), bytes, files, outcome.ranges(), parallelism,
                        outcome.elapsed(), false, null, null);
            } catch (IOException e) {
                LOG.debug("Could not move the finished files to their final names", e);
                error = "Could not give the finished files their final names: " + describe(e) + ".";
                partlyPublished = halfPublished(layout.folder(), plan);
                files.clear();
            }
        }
        for (FileWriterWorker w : workers) {
            files.addAll(w.parts().isEmpty() ? List.of(w.currentPart()) : w.parts());
        }
        return new ExportResult(table, outcome.rows(), bytes, files, outcome.ranges(), parallelism, outcome.elapsed(),
                outcome.cancelled(), error, store.file(), partlyPublished);
    }

    /** Resumes an export whose ranges were all written and whose files were being given their final names. */
    private JobHandle<ExportResult> finishPublication(TableInfo table, OutputLayout layout, Checkpoint previous,
                                                       ExportRequest request) throws IOException {
        long started = System.nanoTime();
        Map<Integer, Long> rowsByRange = new HashMap<>();
        previous.commits().values().forEach(c -> c.ranges().forEach((id, r) -> rowsByRange.merge(id, r.rows(), Long::sum)));
        List<dev.ringside.engine.RangeOutcome> outcomes = previous.ranges().stream()
                .map(r -> new dev.ringside.engine.RangeOutcome(r.id(), TokenRange.of(r.start(), r.end()),
                        dev.ringside.engine.RangeState.DONE, rowsByRange.getOrDefault(r.id(), 0L), null, 0, null))
                .toList();
        long rows = rowsByRange.values().stream().mapToLong(Long::longValue).sum();
        List<Checkpoint.Publication> plan = previous.publishing();
        ExportResult result;
        try {
            List<Path> files = publishAll(layout.folder(), plan);
            removeFinished(layout, previous.commits(), plan);
            Files.deleteIfExists(layout.checkpoint());
            Checkpoint.syncFolder(layout.folder());
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            result = new ExportResult(table, rows, bytes, files, outcomes, 0,
                    java.time.Duration.ofNanos(System.nanoTime() - started), false, null, null);
        } catch (IOException e) {
            LOG.debug("Could not finish publishing {}", layout.finalFile(0), e);
            result = new ExportResult(table, rows, 0, plan.stream().map(p -> layout.folder().resolve(p.source())).toList(),
                    outcomes, 0, java.time.Duration.ofNanos(System.nanoTime() - started), false,
                    "Could not give the finished files their final names: " + describe(e) + ".",
                    layout.checkpoint(), halfPublished(layout.folder(), plan));
        }
        ExportResult done = result;
        return new JobHandle<>() {
            @Override
            public CompletableFuture<ExportResult> result() {
                return CompletableFuture.completedFuture(done);
            }

            @Override
            public void cancel() {
                // Nothing runs.
            }

            @Override
            public int ranges() {
                return outcomes.size();
            }

            @Override
            public int parallelism() {
                return 0;
            }
        };
    }

    /**
     * Gives every finished file its final name, or none: when one rename fails, the files renamed before it get their
     * temporary names back. Files that an interrupted earlier run already renamed count as renamed.
     */
    private List<Path> publishAll(Path folder, List<Checkpoint.Publication> plan) throws IOException {
        try {
            for (Checkpoint.Publication p : plan) {
                Path source = folder.resolve(p.source());
                Path target = folder.resolve(p.target());
                if (Files.exists(source)) {
                    move.move(source, target);
                } else if (!Files.exists(target)) {
                    throw new java.nio.file.NoSuchFileException(source.toString(), null, "the finished file is missing");
                }
            }
        } catch (IOException e) {
            for (int i = plan.size() - 1; i >= 0; i--) {
                Path source = folder.resolve(plan.get(i).source());
                Path target = folder.resolve(plan.get(i).target());
                if (!Files.exists(source) && Files.exists(target)) {
                    try {
                        move.move(target, source);
                    } catch (IOException undo) {
                        LOG.debug("Could not take the final name back from {}", target, undo);
                        e.addSuppressed(undo);
                    }
                }
            }
            throw e;
        }
        Checkpoint.syncFolder(folder);
        return plan.stream().map(p -> folder.resolve(p.target())).toList();
    }

    /** Whether some files of {@code plan} have their final names and others do not (an undo that failed). */
    private static boolean halfPublished(Path folder, List<Checkpoint.Publication> plan) {
        return plan.stream().anyMatch(p -> !Files.exists(folder.resolve(p.source())) && Files.exists(folder.resolve(p.target())));
    }

    /** After publication: the Parquet parts that were merged into a final file. */
    private static void removeFinished(OutputLayout layout, Map<Integer, Checkpoint.FileCommit> commits,
                                       List<Checkpoint.Publication> plan) throws IOException {
        for (Checkpoint.FileCommit c : commits.values()) {
            for (String part : c.parts()) {
                if (plan.stream().noneMatch(p -> p.source().equals(part))) {
                    Files.deleteIfExists(layout.folder().resolve(part));
                }
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "the file exists" : e.getClass().getSimpleName();
            return fs.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * The checkpoint's file commits that the files on disk still back: a text part at least as long as committed, and
     * every Parquet part complete. A file that lost data (deleted, truncated) is started again: its commit is dropped,
     * so that all of its ranges are read again from their start, never skipped.
     */
    private static Map<Integer, Checkpoint.FileCommit> usableCommits(OutputLayout layout, Checkpoint previous) throws IOException {
        Map<Integer, Checkpoint.FileCommit> usable = new HashMap<>();
        for (Map.Entry<Integer, Checkpoint.FileCommit> e : previous.commits().entrySet()) {
            String damage = damage(layout.folder(), e.getValue());
            if (damage == null) {
                usable.put(e.getKey(), e.getValue());
                continue;
            }
            LOG.warn("Resume: {}; its {} ranges are read again from their start", damage, e.getValue().ranges().size());
            for (String part : e.getValue().parts()) {
                Files.deleteIfExists(layout.folder().resolve(part));
            }
        }
        return usable;
    }

    /** What is wrong with the files of a commit, or {@code null} when they hold everything it says. */
    static String damage(Path folder, Checkpoint.FileCommit commit) throws IOException {
        if (commit.length() >= 0) {
            if (commit.parts().isEmpty()) {
                return commit.length() == 0 ? null : "the checkpoint names no file for " + commit.length() + " committed bytes";
            }
            Path part = folder.resolve(commit.parts().get(0));
            if (!Files.isRegularFile(part)) {
                return "the partial file " + part + " is missing";
            }
            long size = Files.size(part);
            return size < commit.length() ? "the partial file " + part + " holds " + size
                    + " bytes, fewer than the " + commit.length() + " its checkpoint committed" : null;
        }
        long total = 0;
        for (String name : commit.parts()) {
            Path part = folder.resolve(name);
            if (!Files.isRegularFile(part)) {
                return "the partial file " + part + " is missing";
            }
            if (!dev.ringside.sink.ParquetFiles.looksComplete(part)) {
                return "the partial file " + part + " is not a complete Parquet file";
            }
            total += Files.size(part);
        }
        return total != commit.bytes() ? "the partial files " + commit.parts() + " hold " + total + " bytes, not the "
                + commit.bytes() + " their checkpoint committed" : null;
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
                throw new SchemaException("Column '" + column.name() + "' is listed twice among the columns to export.");
            }
            selected.add(column);
        }
        return selected;
    }

    private static void checkOutput(OutputLayout layout, ExportRequest request, List<Checkpoint.Publication> publishing)
            throws ExportException {
        Path folder = layout.folder();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ExportException(ExportException.Kind.FOLDER_MISSING, folder, "Cannot write to " + layout.finalFile(0)
                    + ": the folder " + folder + " does not exist.");
        }
        try {
            // Permissions alone do not tell (a read-only file system, ACLs, root): try it.
            Files.delete(Files.createTempFile(folder, ".ringside-", ".probe"));
        } catch (IOException e) {
            throw new ExportException(ExportException.Kind.FOLDER_NOT_WRITABLE, folder, "Cannot write to the folder "
                    + folder + ": " + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : describe(e)) + ".");
        }
        if (!request.resume() && !request.overwrite() && Files.exists(layout.checkpoint())) {
            throw new ExportException(ExportException.Kind.UNFINISHED_EXPORT, layout.checkpoint(), "An unfinished export to "
                    + layout.finalFile(0).getFileName() + " exists (checkpoint " + layout.checkpoint().getFileName() + ").");
        }
        for (Path f : layout.finalFiles()) {
            if (Files.isDirectory(f)) {
                throw new ExportException(ExportException.Kind.OUTPUT_IS_FOLDER, f, f + " is a folder, not a file.");
            }
            boolean ours = publishing.stream().anyMatch(p -> folder.resolve(p.target()).equals(f)
                    && !Files.exists(folder.resolve(p.source())));
            if (Files.exists(f) && !request.overwrite() && !ours) {
                throw new ExportException(ExportException.Kind.OUTPUT_EXISTS, f, f + " already exists.");
            }
        }
    }

    /** A fresh run removes what an earlier, abandoned run left, a half-done publication included. */
    private static void removeStale(OutputLayout layout) throws IOException {
        try {
            Optional<Checkpoint> old = Checkpoint.read(layout.checkpoint());
            if (old.isPresent() && old.get().publishing() != null) {
                for (Checkpoint.Publication p : old.get().publishing()) {
                    if (!Files.exists(layout.folder().resolve(p.source()))) {
                        Files.deleteIfExists(layout.folder().resolve(p.target()));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Ignoring the unreadable checkpoint {} of an abandoned export", layout.checkpoint(), e);
        }
        Files.deleteIfExists(layout.checkpoint());
        for (int i = 0; i < layout.files(); i++) {
            Files.deleteIfExists(layout.mergedFile(i));
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

    private static Checkpoint.Identity identity(TableInfo table, List<ColumnInfo> columns, ExportRequest request) {
        return new Checkpoint.Identity(table.keyspace(), table.table(), columns.stream().map(ColumnInfo::name).toList(),
                request.where() == null ? "" : request.where(), request.sink().format().name(),
                SinkOptionMaps.toMap(request.sink()), request.files(), request.options().startToken(), request.options().endToken());
    }

    private static List<Checkpoint.Range> ranges(List<PlannedRange> plan) {
        return plan.stream().map(p -> new Checkpoint.Range(p.id(), p.range().start(), p.range().end())).toList();
    }

    /** The checkpoint's ranges with their replicas as the ring is now. */
    private static List<PlannedRange> replan(List<Checkpoint.Range> ranges, String keyspace, RingReader ring) throws JobException {
        List<PlannedRange> plan = new ArrayList<>();
        for (Checkpoint.Range r : ranges) {
            plan.add(new PlannedRange(r.id(), TokenRange.of(r.start(), r.end()), ring.replicasOf(keyspace, r.end())));
        }
        return plan;
    }

    /** Where a range stands: the paging state after the last page handed to its writer. */
    static final class RangeCursor {
        volatile ByteBuffer pagingState;
        volatile long resumedRows;
        /** Rows of the range handed to its writer, resumed runs included. */
        volatile long handedRows;
        /** Rows still to leave out: the range is read again from its start and the file already holds them. */
        volatile long skip;
        /** Times the range was read again from its start after a rejected paging state. */
        volatile int restarts;
    }

    private static final int MAX_RESTARTS = 3;

    /** Whether Cassandra refused the paging state itself (corrupt, or from another version), not the query. */
    static boolean rejectsPagingState(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String m = e.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("paging state")) {
                return true;
            }
        }
        return false;
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
        private final PreparedStatement select;

        RangeReader(CqlSession session, RangeExecution execution, List<FileWriterWorker> workers, Map<Integer, RangeCursor> cursors,
                    Throttle throttle, int pageSize, RangeJobOptions options, PreparedStatement select) {
            this.session = session;
            this.execution = execution;
            this.workers = workers;
            this.cursors = cursors;
            this.throttle = throttle;
            this.pageSize = pageSize;
            this.options = options;
            this.select = select;
        }

        @Override
        public CompletionStage<?> run(RangePiece piece, Node coordinator) {
            RangeCursor cursor = cursors.get(piece.rangeId());
            FileWriterWorker worker = workers.get(piece.rangeId() % workers.size());
            CompletableFuture<Void> done = new CompletableFuture<>();
            fetchFirst(piece, coordinator, cursor, worker, done);
            return done;
        }

        /** Fetches the range's next page from where its cursor stands: its paging state, or its start. */
        private void fetchFirst(RangePiece piece, Node coordinator, RangeCursor cursor, FileWriterWorker worker,
                                CompletableFuture<Void> done) {
            TokenRange part = piece.part();
            BoundStatement statement = select.bind(part.start(), part.end())
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
            Runnable fetch = () -> session.executeAsync(first)
                    .whenComplete((rs, error) -> onPage(rs, error, piece, coordinator, cursor, worker, done));
            long wait = throttle.delay(System.nanoTime());
            if (wait > 0) {
                execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
            } else {
                fetch.run();
            }
        }

        private void onPage(AsyncResultSet rs, Throwable error, RangePiece piece, Node coordinator, RangeCursor cursor,
                            FileWriterWorker worker, CompletableFuture<Void> done) {
            if (error != null) {
                if (cursor.pagingState != null && rejectsPagingState(error) && cursor.restarts < MAX_RESTARTS && !done.isDone()) {
                    // A paging state Cassandra refuses would fail every retry and every resume: read the range
                    // again from its start instead, leaving out the rows its file already holds.
                    cursor.restarts++;
                    LOG.warn("Cassandra rejected the paging state of range {} ({}); reading the range again from its start, "
                            + "leaving out the {} rows already written", piece.part(), error.getMessage(), cursor.handedRows);
                    cursor.pagingState = null;
                    cursor.skip = cursor.handedRows;
                    fetchFirst(piece, coordinator, cursor, worker, done);
                    return;
                }
                done.completeExceptionally(error);
                return;
            }
            if (done.isDone()) {
                return; // cancelled
            }
            ByteBuffer next = rs.hasMorePages() ? rs.getExecutionInfo().getPagingState() : null;
            int rows = rs.remaining();
            throttle.record(rows, System.nanoTime());
            int skip = (int) Math.min(cursor.skip, rows);
            long skipAfter = cursor.skip - skip;
            worker.submit(new Page(piece.rangeId(), rs, next, new CompletableFuture<>(), skip, skipAfter)).whenComplete((v, e) -> {
                if (e != null) {
                    done.cancel(false); // the writer stopped: the job is ending
                    return;
                }
                cursor.skip = skipAfter;
                cursor.handedRows += rows - skip;
                cursor.pagingState = next;
                if (next == null) {
                    done.complete(null);
                    return;
                }
                if (done.isDone()) {
                    return;
                }
                long wait = throttle.delay(System.nanoTime());
                Runnable fetch = () -> rs.fetchNextPage()
                        .whenComplete((r2, e2) -> onPage(r2, e2, piece, coordinator, cursor, worker, done));
                if (wait > 0) {
                    execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
                } else {
                    fetch.run();
                }
            });
        }
    }
}
