package dev.ringside.sink.text;

import java.nio.charset.StandardCharsets;

/**
 * Quotes one CSV cell as commons-csv's {@code QuoteMode.ALL_NON_NULL} does: the value between quote characters,
 * where each quote character inside is doubled (RFC 4180), or, with an escape character, each quote and escape
 * character is preceded by the escape. CsvFileWriterTest checks the bytes against commons-csv for every dialect.
 */
public final class CsvQuoting {

    private final char quote;
    private final Character escape;
    private final boolean ascii;
    private final byte[] quoteBytes;

    public CsvQuoting(char quote, Character escape) {
        this.quote = quote;
        this.escape = escape;
        this.ascii = quote < 0x80 && (escape == null || escape < 0x80);
        this.quoteBytes = String.valueOf(quote).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code cell}'s UTF-8 text to {@code out}, quoted. */
    public void quote(TextBuffer cell, TextBuffer out) {
        out.append(quoteBytes);
        if (ascii) {
            quoteBytes(cell, out);
        } else {
            quoteChars(cell.toString(), out);
        }
        out.append(quoteBytes);
    }

    /** Scans the bytes: a quote or escape byte below 0x80 can never be part of a multi-byte UTF-8 character. */
    private void quoteBytes(TextBuffer cell, TextBuffer out) {
        byte[] b = cell.array();
        int n = cell.size();
        byte q = (byte) quote;
        int start = 0;
        if (escape == null) {
            for (int i = 0; i < n; i++) {
                if (b[i] == q) {
                    out.append(b, start, i + 1 - start).append(q);
                    start = i + 1;
                }
            }
        } else {
            byte e = (byte) escape.charValue();
            for (int i = 0; i < n; i++) {
                if (b[i] == q || b[i] == e) {
                    out.append(b, start, i - start).append(e);
                    start = i;
                }
            }
        }
        out.append(b, start, n - start);
    }

    private void quoteChars(String text, TextBuffer out) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escape == null) {
                s.append(c);
                if (c == quote) {
                    s.append(c);
                }
            } else {
                if (c == quote || c == escape) {
                    s.append(escape.charValue());
                }
                s.append(c);
            }
        }
        out.append(s.toString());
    }
}
