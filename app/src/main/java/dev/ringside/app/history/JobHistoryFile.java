package dev.ringside.app.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code history.json}: a JSON array of jobs, newest first. Reads both the current shape ({@code job},
 * {@code startedAt}, {@code outcome}) and the first one (one flat object per job); writes the current one,
 * atomically. Blocking: call it off the UI thread, as {@link JobHistoryService} does.
 */
public final class JobHistoryFile {

    private static final Logger LOG = LoggerFactory.getLogger(JobHistoryFile.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JobHistoryFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The jobs kept, or none when the file is missing or unreadable (an unreadable one is logged and left alone). */
    public List<JobRecord> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            List<JobRecord> records = new ArrayList<>();
            for (JsonNode node : root) {
                records.add(node.has("job") ? json.treeToValue(node, JobRecord.class)
                        : json.treeToValue(node, LegacyJobRecord.class).toRecord());
            }
            return List.copyOf(records);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    public void write(List<JobRecord> records) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        json.writeValue(tmp.toFile(), records);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
