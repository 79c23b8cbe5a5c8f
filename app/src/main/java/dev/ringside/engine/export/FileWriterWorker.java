package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringside.engine.progress.ProgressTracker;
import dev.ringside.sink.ExportColumn;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.RowFileWriter;
import dev.ringside.sink.RowFileWriters;
import dev.ringside.sink.SinkOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Owns one output file: takes pages from its bounded queue on its own thread, writes their rows, and commits
 * (flush + checkpoint) every few seconds so that a resumed export continues exactly where the file is valid.
 * With a row limit per file it rolls over to a new part when the part is full (in the middle of a page if need
 * be: a commit only ever happens between pages, and the parts before the current one are closed and synced).
 * A page's {@code taken} future completes when the page leaves the queue. A range fetches ahead, but never has more
 * than {@link RangeReader#PAGES_AHEAD} pages waiting here, so the queue is sized for that many per range in flight.
 */
final class FileWriterWorker implements Runnable, PageSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileWriterWorker.class);
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Page FINISH = new Page(-1, null, null, null, 0, 0);

    private final int index;
    private final OutputLayout layout;
    private final RowFileWriters writers;
    private final List<ExportColumn> columns;
    private final SinkOptions options;
    private final CheckpointStore checkpoint;
    private final ProgressTracker tracker;
    private final BlockingQueue<Page> queue;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Map<Integer, Checkpoint.RangeCommit> rangeStates = new HashMap<>();
    private final List<String> closedParts = new ArrayList<>();
    /** Sizes of the closed CSV and JSON Lines parts, for the checkpoint. */
    private final List<Long> closedSizes = new ArrayList<>();
    private final long rowsPerPart;
    private final RowBudget budget;
    private int part;
    private long rowsInPart;
    private volatile long closedBytes;
    private final long resumeLength;
    private volatile boolean aborted;
    private volatile RowFileWriter writer;
    private volatile long committedBytes;

    FileWriterWorker(int index, OutputLayout layout, RowFileWriters writers, List<ExportColumn> columns,
                     SinkOptions options, CheckpointStore checkpoint, ProgressTracker tracker, int rangesInFlight,
                     Checkpoint.FileCommit previous, long rowsPerPart, RowBudget budget) {
        this.index = index;
        this.layout = layout;
        this.writers = writers;
        this.columns = columns;
        this.options = options;
        this.checkpoint = checkpoint;
        this.tracker = tracker;
        this.queue = new LinkedBlockingQueue<>(RangeReader.PAGES_AHEAD * rangesInFlight + 1);
        this.rowsPerPart = rowsPerPart;
        this.budget = budget;
        boolean parquet = options.format() == ExportFormat.PARQUET;
        if (previous != null) {
            rangeStates.putAll(previous.ranges());
            committedBytes = previous.bytes();
            if (parquet) {
                // Every part is a closed file; the resumed run writes a new one.
                closedParts.addAll(previous.parts());
                closedBytes = previous.bytes();
            } else if (!previous.parts().isEmpty()) {
                // All parts but the last are closed; the last is cut back to its committed length and appended to.
                closedParts.addAll(previous.parts().subList(0, previous.parts().size() - 1));
                closedSizes.addAll(previous.partSizes());
                closedBytes = previous.partSizes().stream().mapToLong(Long::longValue).sum();
                rowsInPart = previous.lastPartRows();
            }
        }
        this.part = closedParts.size();
        this.resumeLength = previous != null && !parquet && !previous.parts().isEmpty() ? previous.length() : -1;
    }

    /** Queues a page; never blocks (each range has at most {@link RangeReader#PAGES_AHEAD} pages outstanding). */
    @Override
    public CompletableFuture<Void> submit(Page page) {
        if (aborted || done.isDone()) {
            page.taken().cancel(false);
            return page.taken();
        }
        if (!queue.offer(page)) {
            page.taken().completeExceptionally(new IllegalStateException("writer queue full"));
        }
        return page.taken();
    }

    /** Writes what is queued, then closes the file. */
    void finish() {
        // The queue has room: every range's last page has been taken when this is called.
        queue.offer(FINISH);
    }

    /** Stops after the page being written; queued pages are dropped (their ranges resume from the last commit). */
    void abort() {
        aborted = true;
        queue.offer(FINISH);
    }

    CompletableFuture<Void> done() {
        return done;
    }

    long bytes() {
        RowFileWriter w = writer;
        return w == null ? Math.max(committedBytes, closedBytes) : Math.max(committedBytes, closedBytes + w.bytesWritten());
    }

    Path currentPart() {
        return layout.partialFile(index, part);
    }

    /** Closed parts, oldest first, the current one included once the worker is done. */
    List<Path> parts() {
        List<Path> list = new ArrayList<>();
        for (String p : closedParts) {
            list.add(layout.folder().resolve(p));
        }
        return list;
    }

    @Override
    public void run() {
        try {
            writer = open();
            long lastCommit = System.nanoTime();
            while (true) {
                Page page = queue.poll(200, TimeUnit.MILLISECONDS);
                if (page == FINISH || aborted) {
                    break;
                }
                if (page != null) {
                    write(page);
                }
                if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
                    commit();
                    lastCommit = System.nanoTime();
                }
            }
            drop();
            close();
            done.complete(null);
        } catch (IOException e) {
            aborted = true;
            // An expected fault (disk full, permissions): the result says so; details only in the debug log.
            LOG.debug("Writer of {} failed", currentPart(), e);
            drop();
            closeQuietly();
            done.completeExceptionally(e);
        } catch (Throwable e) {
            aborted = true;
            LOG.error("Writer of {} failed", currentPart(), e);
            drop();
            closeQuietly();
            done.completeExceptionally(e);
        }
    }

    private RowFileWriter open() throws IOException {
        Path file = currentPart();
        boolean append = resumeLength >= 0;
        if (append) {
            // The engine checked the part before resuming; never append to a file that lost committed rows.
            if (!Files.isRegularFile(file) || Files.size(file) < resumeLength) {
                throw new IOException("the partial file " + file + " is missing or shorter than its checkpoint");
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(resumeLength);
            }
        } else {
            Files.deleteIfExists(file);
        }
        return writers.open(file, columns, options, append);
    }

    private void write(Page page) throws IOException {
        page.taken().complete(null);
        long n = 0;
        long bytesBefore = writer.bytesOfRows();
        int skip = page.skip();
        for (Row row : page.rows().currentPage()) {
            if (skip > 0) {
                skip--;
                continue;
            }
            if (!budget.take()) {
                break; // the export's row limit is reached: the rest of the table is not wanted
            }
            if (rowsInPart >= rowsPerPart) {
                rollOver();
            }
            writer.write(row);
            rowsInPart++;
            n++;
        }
        tracker.addRows(page.rangeId(), n);
        tracker.addBytes(page.rangeId(), Math.max(0, writer.bytesOfRows() - bytesBefore));
        Checkpoint.RangeCommit before = rangeStates.get(page.rangeId());
        long rows = (before == null ? 0 : before.rows()) + n;
        ByteBuffer next = page.next();
        // While a re-read range is still inside rows the file holds, its paging state says nothing about the file:
        // no paging state with rows > 0 means "read again from the start, leaving out that many rows".
        String state = next == null || page.skipAfter() > 0 ? null : Base64.getEncoder().encodeToString(bytes(next));
        rangeStates.put(page.rangeId(), new Checkpoint.RangeCommit(next == null, state, rows));
    }

    /**
     * Closes the full part (synced first, so that it is durable before any later commit names it) and opens the
     * next. Not committed here: the page being written goes on into the new part, and commits are between pages.
     */
    private void rollOver() throws IOException {
        RowFileWriter w = writer;
        writer = null;
        w.commit();
        w.close();
        long size = Files.size(currentPart());
        closedParts.add(currentPart().getFileName().toString());
        closedSizes.add(size);
        closedBytes += size;
        part++;
        rowsInPart = 0;
        Files.deleteIfExists(currentPart());
        writer = writers.open(currentPart(), columns, options, false);
    }

    /** Makes the file durable up to here and records it; Parquet can only do this when the file is closed. */
    private void commit() throws IOException {
        long length = writer.commit();
        if (length < 0) {
            return;
        }
        committedBytes = closedBytes + length;
        List<String> parts = new ArrayList<>(closedParts);
        parts.add(currentPart().getFileName().toString());
        checkpoint.commit(index, new Checkpoint.FileCommit(parts, length, Map.copyOf(rangeStates), committedBytes,
                closedSizes, rowsInPart));
    }

    private void close() throws IOException {
        RowFileWriter w = writer;
        writer = null;
        w.close();
        long size = Files.size(currentPart());
        closedParts.add(currentPart().getFileName().toString());
        long total = 0;
        for (Path p : parts()) {
            total += Files.size(p);
        }
        committedBytes = total;
        closedBytes = total;
        boolean parquet = options.format() == ExportFormat.PARQUET;
        // Text: every part is closed now; the last keeps the place of the one being written, with its length.
        checkpoint.commit(index, new Checkpoint.FileCommit(List.copyOf(closedParts), parquet ? -1 : size,
                Map.copyOf(rangeStates), total, parquet ? List.of() : closedSizes, rowsInPart));
    }

    private void closeQuietly() {
        RowFileWriter w = writer;
        writer = null;
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing {} after a failure", currentPart(), e);
            }
        }
    }

    /** Releases ranges waiting on dropped pages, so that nothing waits for a writer that has stopped. */
    private void drop() {
        Page page;
        while ((page = queue.poll()) != null) {
            if (page.taken() != null) {
                page.taken().cancel(false);
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] b = new byte[copy.remaining()];
        copy.get(b);
        return b;
    }
}
