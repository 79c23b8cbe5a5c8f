package dev.ringside.engine.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
public record Checkpoint(int version, Identity request, List<Range> ranges, Map<Integer, FileCommit> commits) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What must match for a resume to continue this export. */
    public record Identity(String keyspace, String table, List<String> columns, String where, String format,
                           Map<String, Object> sinkOptions, int files, Long startToken, Long endToken) {
    }

    /** A planned range {@code (start, end]}; checkpoints of older versions also carry a {@code startInclusive} flag, now ignored. */
    public record Range(int id, long start, long end) {
    }

    /**
     * @param parts        the file's closed parts (Parquet resumes add parts; CSV and JSON Lines have one)
     * @param length       committed length of the last part (CSV, JSON Lines), -1 when parts are closed files
     * @param ranges       range id → state (see {@link RangeCommit})
     * @param bytes        bytes committed
     */
    public record FileCommit(List<String> parts, long length, Map<Integer, RangeCommit> ranges, long bytes) {
    }

    /**
     * @param done        whether the range is completely written
     * @param pagingState base64 paging state to continue from when not done
     * @param rows        rows of the range written
     */
    public record RangeCommit(boolean done, String pagingState, long rows) {
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

    /** Writes atomically: a crash leaves the previous checkpoint or this one, never half of one. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
