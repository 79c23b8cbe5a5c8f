package dev.ringside.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How many sample rows a sandbox folder holds for certain: written only after a load completed. A load cut short
 * (a failure, Ctrl-C) leaves the old number, so the next start loads again; rows come from a fixed seed, so loading
 * again writes the same rows over themselves and a complete table ends up with exactly the rows asked for.
 */
public final class SampleRowsRecord {

    static final String FILE = "sample-rows.txt";

    private final Path file;

    public SampleRowsRecord(Path sandboxDir) {
        this.file = sandboxDir.resolve(FILE);
    }

    /** The rows of the last complete load, or 0 (none yet, or a folder from before this record existed). */
    public long rows() {
        try {
            return Files.isRegularFile(file) ? Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Whether a load of {@code wanted} rows is needed. */
    public boolean needs(long wanted) {
        return wanted > rows();
    }

    public void completed(long rows) throws IOException {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, Long.toString(rows), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
