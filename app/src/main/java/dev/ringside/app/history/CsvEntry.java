package dev.ringside.app.history;

import dev.ringside.sink.CsvOptions;

/** A CSV export's dialect as {@code history.json} keeps it; characters as one-character strings. */
public record CsvEntry(boolean header, String delimiter, String quote, String escape, String nullString,
                       boolean gzip, boolean bom) {

    /** Without a byte order mark (as files before it have it). */
    public CsvEntry(boolean header, String delimiter, String quote, String escape, String nullString, boolean gzip) {
        this(header, delimiter, quote, escape, nullString, gzip, false);
    }

    public static CsvEntry of(CsvOptions o) {
        return new CsvEntry(o.header(), String.valueOf(o.delimiter()), String.valueOf(o.quote()),
                o.escape() == null ? null : String.valueOf(o.escape()), o.nullString(), o.gzip(), o.bom());
    }

    public CsvOptions toOptions() {
        CsvOptions d = CsvOptions.defaults();
        return new CsvOptions(header, first(delimiter, d.delimiter()), first(quote, d.quote()),
                escape == null || escape.isEmpty() ? null : escape.charAt(0), nullString == null ? "" : nullString, gzip, bom);
    }

    private static char first(String s, char fallback) {
        return s == null || s.isEmpty() ? fallback : s.charAt(0);
    }
}
