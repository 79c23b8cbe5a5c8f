package dev.ringside.app.spark.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which token ranges each task of the job's reading stage reads, as the job's driver wrote them ({@code
 * --splits-file}): what lets the ring view show Spark's finished splits. Empty for a partitioner without Murmur3
 * tokens, or before the driver has planned the read.
 *
 * @param tasks {@code tasks.get(i)}: the ranges of the task with index i
 */
public record SplitMap(List<List<TokenSpan>> tasks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SplitMap {
        tasks = tasks.stream().map(List::copyOf).toList();
    }

    /** The map in {@code file}, if the driver has written it (it writes it whole, by a rename). */
    public static Optional<SplitMap> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<List<TokenSpan>> tasks = new ArrayList<>();
            for (JsonNode task : root.path("tasks")) {
                List<TokenSpan> spans = new ArrayList<>();
                for (JsonNode span : task) {
                    spans.add(new TokenSpan(span.get(0).asLong(), span.get(1).asLong()));
                }
                tasks.add(spans);
            }
            return tasks.isEmpty() ? Optional.empty() : Optional.of(new SplitMap(tasks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
