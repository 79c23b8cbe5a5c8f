package dev.ringside.sink;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * JSON Lines options.
 *
 * @param compression gzip, zstd or none; left out of the checkpoint's JSON when none, so checkpoints written before
 *                    it existed still match
 */
public record JsonLinesOptions(
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = JsonLinesOptions.Uncompressed.class)
        TextCompression compression) implements SinkOptions {

    public JsonLinesOptions {
        compression = Objects.requireNonNullElse(compression, TextCompression.NONE);
    }

    /** Uncompressed JSON Lines. */
    public JsonLinesOptions() {
        this(TextCompression.NONE);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.JSONL;
    }

    /** Jackson's filter: a value it "equals" is left out. */
    static final class Uncompressed {
        @Override
        public boolean equals(Object value) {
            return value == null || value == TextCompression.NONE;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
