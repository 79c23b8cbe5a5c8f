package dev.ringside.sink;

/** The file formats Ringside writes. */
public enum ExportFormat {
    CSV("csv"),
    PARQUET("parquet"),
    JSONL("jsonl");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** File extension without the dot, e.g. {@code csv}; gzip adds {@code .gz} on top for CSV. */
    public String extension() {
        return extension;
    }
}
