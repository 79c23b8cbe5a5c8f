package dev.ringside.sink;

/**
 * Parquet options.
 *
 * @param compression codec for column chunks
 * @param rowGroupBytes target row-group size in bytes
 */
public record ParquetOptions(ParquetCompression compression, long rowGroupBytes) implements SinkOptions {

    public static final long DEFAULT_ROW_GROUP_BYTES = 128L * 1024 * 1024;
    /** Smallest row group the memory budget shrinks to; below this, files get slow to read. */
    public static final long MIN_ROW_GROUP_BYTES = 4L * 1024 * 1024;
    /** Share of the heap that the row groups of all writers of one export may buffer together. */
    static final int HEAP_SHARE_DIVISOR = 4;

    public static ParquetOptions defaults() {
        return new ParquetOptions(ParquetCompression.SNAPPY, DEFAULT_ROW_GROUP_BYTES);
    }

    /**
     * These options for one of {@code writers} writers that run at once. Each writer buffers a whole row group in
     * memory before writing it, so the row groups of all writers together are kept within a quarter of
     * {@code maxHeapBytes}: smaller row groups when the heap is small or the files are many, never below
     * {@link #MIN_ROW_GROUP_BYTES}, never above what was asked for.
     */
    public ParquetOptions sharedBy(int writers, long maxHeapBytes) {
        long each = Math.max(MIN_ROW_GROUP_BYTES, maxHeapBytes / HEAP_SHARE_DIVISOR / Math.max(1, writers));
        return each >= rowGroupBytes ? this : new ParquetOptions(compression, each);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.PARQUET;
    }

    /** Compression codecs offered for Parquet. */
    public enum ParquetCompression { SNAPPY, ZSTD, GZIP, NONE }
}
