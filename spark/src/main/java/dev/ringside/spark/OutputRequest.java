package dev.ringside.spark;

/**
 * Where and how the export writes: a Hadoop-compatible URL (a directory of part files, as Spark writes), the
 * format, the codec (null: Parquet snappy, text none) and the CSV dialect of the CLI.
 */
public record OutputRequest(String url, OutputFormat format, String compression, boolean overwrite, boolean header,
                            char delimiter, char quote, Character escape, String nullString) {

    public static OutputRequest of(String url, OutputFormat format) {
        return new OutputRequest(url, format, null, false, true, ',', '"', null, "");
    }

    public OutputRequest withOverwrite(boolean overwrite) {
        return new OutputRequest(url, format, compression, overwrite, header, delimiter, quote, escape, nullString);
    }
}
