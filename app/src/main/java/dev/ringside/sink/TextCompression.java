package dev.ringside.sink;

import java.util.Locale;

/**
 * Compression of a text file (CSV, JSON Lines). Both codecs write the file as a series of complete members (gzip)
 * or frames (zstd), one per commit, and readers take such a series as one stream: every committed length is a place
 * where the file is whole, which is what resume needs.
 */
public enum TextCompression {
    NONE(""), GZIP(".gz"), ZSTD(".zst");

    private final String suffix;

    TextCompression(String suffix) {
        this.suffix = suffix;
    }

    /** What the file name ends with after the format's extension: {@code .gz}, {@code .zst}, or nothing. */
    public String suffix() {
        return suffix;
    }

    /** A codec by name (none, gzip or gz, zstd or zst), ignoring case; {@code null} when it is none of them. */
    public static TextCompression parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "gzip", "gz" -> GZIP;
            case "zstd", "zst" -> ZSTD;
            default -> null;
        };
    }
}
