package dev.ringside.sink;

/**
 * Parquet options.
 *
 * @param compression codec for column chunks
 * @param rowGroupBytes target row-group size in bytes
 */
public record ParquetOptions(ParquetCompression compression, long rowGroupBytes) implements SinkOptions {

    public static final long DEFAULT_ROW_GROUP_BYTES = 128L * 1024 * 1024;

    public static ParquetOptions defaults() {
        return new ParquetOptions(ParquetCompression.SNAPPY, DEFAULT_ROW_GROUP_BYTES);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.PARQUET;
    }

    /** Compression codecs offered for Parquet. */
    public enum ParquetCompression { SNAPPY, ZSTD, GZIP, NONE }
}
