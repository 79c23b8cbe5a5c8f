package dev.ringside.spark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code --splits-file}: the token ranges of each task, written on the driver before the job's action runs, for the
 * app's ring view ({@code {"partitioner":"Murmur3Partitioner","tasks":[[[start,end],...],...]}}, each range
 * (start, end]). Progress display only: a failure to plan or write it is a warning, never the job's failure.
 */
public final class SplitsFile {

    private static final Logger LOG = LoggerFactory.getLogger(SplitsFile.class);
    private static final SplitsFile NONE = new SplitsFile(null);

    private final Path path;

    private SplitsFile(Path path) {
        this.path = path;
    }

    public static SplitsFile none() {
        return NONE;
    }

    public static SplitsFile at(Path path) {
        return path == null ? NONE : new SplitsFile(path.toAbsolutePath());
    }

    /** Writes the ranges, asked for only when there is a file to write them to. */
    void write(Supplier<TaskRanges> ranges) {
        if (path == null) {
            return;
        }
        try {
            TaskRanges r = ranges.get();
            writeAtomically(r);
            LOG.info("Wrote the token ranges of {} tasks ({}) to {}", r.tasks().size(), r.partitioner(), path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write --splits-file {} (the job goes on without it): {}", path, e.toString());
        }
    }

    /** A temp file beside the target, then a rename: a reader polling the path sees the old file or the whole new one. */
    private void writeAtomically(TaskRanges ranges) throws IOException {
        Path tmp = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("partitioner", ranges.partitioner());
                json.writeArrayFieldStart("tasks");
                for (List<TokenSpan> task : ranges.tasks()) {
                    json.writeStartArray();
                    for (TokenSpan span : task) {
                        json.writeStartArray();
                        json.writeNumber(span.start());
                        json.writeNumber(span.end());
                        json.writeEndArray();
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
