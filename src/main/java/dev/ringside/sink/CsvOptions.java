package dev.ringside.sink;

/**
 * CSV options. Defaults are RFC 4180: comma, double quote, quote doubled as escape, CRLF line ends, header on,
 * nulls as an empty unquoted field (an empty string is written as {@code ""}).
 *
 * @param escape escape character, or {@code null} for RFC 4180 quote doubling
 */
public record CsvOptions(boolean header, char delimiter, char quote, Character escape, String nullString, boolean gzip)
        implements SinkOptions {

    public static CsvOptions defaults() {
        return new CsvOptions(true, ',', '"', null, "", false);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }
}
