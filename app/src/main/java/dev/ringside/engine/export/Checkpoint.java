package dev.ringside.engine.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an export has durably written, saved beside the output so that {@code --resume} finishes only what is
 * missing. Each file's commit says how long the file is valid and, for each of its ranges, whether the range is
 * done or which paging state to continue from.
 *
 * @param version  format version of this file
 * @param request  the export's identity: table, columns, filter, format and options, files
 * @param ranges   the plan, so a resume reads exactly the same ranges
 * @param commits  one entry per output file that has committed something
 * @param publishing when every range is written: which finished file gets which final name. Written before the
 *                   first rename, so that a resume finishes (or an overwrite cleans) a publication that stopped
 *                   half-way; {@code null} while ranges are still being written
 */
public record Checkpoint(int version, Identity request, List<Range> ranges, Map<Integer, FileCommit> commits,
                         List<Publication> publishing) {

    public static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What must match for a resume to continue this export. */
    public record Identity(String keyspace, String table, List<String> columns, String where, String format,
                           Map<String, Object> sinkOptions, int files, Long startToken, Long endToken,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           ExportShape shape) {

        /** {@code shape} is {@code null} for the whole table in one file per writer, as checkpoints before it say. */
        public Identity(String keyspace, String table, List<String> columns, String where, String format,
                        Map<String, Object> sinkOptions, int files, Long startToken, Long endToken) {
            this(keyspace, table, columns, where, format, sinkOptions, files, startToken, endToken, null);
        }
    }

    /** A planned range {@code (start, end]}; checkpoints of older versions also carry a {@code startInclusive} flag, now ignored. */
    public record Range(int id, long start, long end) {
    }

    /**
     * @param parts        the file's parts: Parquet's are closed files (resumes and rolling over add parts); CSV and
     *                     JSON Lines have one, or one per file rolled over to, the last one being written
     * @param length       committed length of the last part (CSV, JSON Lines), -1 when parts are closed files
     * @param ranges       range id → state (see {@link RangeCommit})
     * @param bytes        bytes committed
     * @param partSizes    CSV and JSON Lines rolled over: the size of each closed part, all but the last; empty otherwise
     * @param lastPartRows rows in the last part, so that a resumed export rolls over at the same row
     */
    public record FileCommit(List<String> parts, long length, Map<Integer, RangeCommit> ranges, long bytes,
                             List<Long> partSizes, long lastPartRows) {

        public FileCommit {
            partSizes = partSizes == null ? List.of() : List.copyOf(partSizes);
        }

        public FileCommit(List<String> parts, long length, Map<Integer, RangeCommit> ranges, long bytes) {
            this(parts, length, ranges, bytes, List.of(), 0);
        }
    }

    /**
     * @param done        whether the range is completely written
     * @param pagingState base64 paging state to continue from when not done; {@code null} when not done means
     *                    "read the range again from its start, leaving out the first {@code rows} rows" (after
     *                    Cassandra rejected a paging state)
     * @param rows        rows of the range written
     */
    public record RangeCommit(boolean done, String pagingState, long rows) {
    }

    /** One file to publish: {@code source} (a finished temporary file) gets the name {@code target}; both in the output folder. */
    public record Publication(String source, String target) {
    }

    public static Optional<Checkpoint> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Checkpoint c = JSON.readValue(file.toFile(), Checkpoint.class);
        if (c.version() != VERSION) {
            throw new IOException("checkpoint " + file + " has version " + c.version() + ", expected " + VERSION);
        }
        return Optional.of(c);
    }

    /**
     * Writes atomically and durably: the temporary file is forced to disk before it is renamed over the checkpoint,
     * and the folder after, so a crash (even of the machine) leaves the previous checkpoint or this one, never half of one.
     */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(this));
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(file.toAbsolutePath().getParent());
    }

    /** Makes a rename in {@code folder} durable where the platform allows it (Linux, macOS; not Windows). */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot sync the folder {} (the platform may not allow it)", folder, e);
        }
    }
}
