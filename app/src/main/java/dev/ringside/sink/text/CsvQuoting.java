package dev.ringside.sink.text;

import java.nio.ByteBuffer;
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
    private final boolean plainSafe;

    public CsvQuoting(char quote, Character escape) {
        this.quote = quote;
        this.escape = escape;
        this.ascii = quote < 0x80 && (escape == null || escape < 0x80);
        this.quoteBytes = String.valueOf(quote).getBytes(StandardCharsets.UTF_8);
        this.plainSafe = !inPlainValues(quote) && (escape == null || !inPlainValues(escape));
    }

    /** Whether a character can be part of a number's, UUID's, date's, time's, boolean's or hex blob's text. */
    private static boolean inPlainValues(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '.' || c == '+');
    }

    /**
     * Whether the text of numbers, UUIDs, timestamps, dates, times, booleans and hex blobs (letters, digits and
     * {@code - : . +}) can never hold the quote or escape character, so that such a value needs no scan: see
     * {@link #open} and {@link #close}.
     */
    public boolean leavesPlainValuesAlone() {
        return plainSafe;
    }

    /** Opens a quoted cell whose text is then appended as it is: only for plain values ({@link #leavesPlainValuesAlone}). */
    public void open(TextBuffer out) {
        out.append(quoteBytes);
    }

    /** Closes a cell opened by {@link #open}. */
    public void close(TextBuffer out) {
        out.append(quoteBytes);
    }

    /** Appends a buffer's remaining UTF-8 text to {@code out}, quoted; the buffer stays as it was. */
    public void quote(ByteBuffer text, TextBuffer out, TextBuffer scratch) {
        if (ascii && text.hasArray()) {
            out.append(quoteBytes);
            int from = text.arrayOffset() + text.position();
            quoteBytes(text.array(), from, from + text.remaining(), out);
            out.append(quoteBytes);
        } else {
            scratch.reset();
            quote(scratch.append(text), out);
        }
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
        quoteBytes(cell.array(), 0, cell.size(), out);
    }

    private void quoteBytes(byte[] b, int from, int n, TextBuffer out) {
        byte q = (byte) quote;
        int start = from;
        if (escape == null) {
            for (int i = from; i < n; i++) {
                if (b[i] == q) {
                    out.append(b, start, i + 1 - start).append(q);
                    start = i + 1;
                }
            }
        } else {
            byte e = (byte) escape.charValue();
            for (int i = from; i < n; i++) {
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
