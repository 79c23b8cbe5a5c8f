package dev.ringside.sink.text;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our quoting writes the very bytes commons-csv writes with QuoteMode.ALL_NON_NULL, for every kind of dialect. */
class CsvQuotingTest {

    private static String commonsCsv(String value, char quote, Character escape) throws IOException {
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(quote == ';' ? ',' : ';').setQuote(quote)
                .setRecordSeparator("").setQuoteMode(QuoteMode.ALL_NON_NULL);
        if (escape != null) {
            format.setEscape(escape);
        }
        StringBuilder s = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(s, format.get())) {
            p.print(value);
        }
        return s.toString();
    }

    private static String ours(String value, char quote, Character escape) {
        TextBuffer out = new TextBuffer(4);
        TextBuffer cell = new TextBuffer(4);
        new CsvQuoting(quote, escape).quote(cell.append(value), out);
        return out.toString();
    }

    @Test
    void everyDialectQuotesLikeCommonsCsv() throws IOException {
        Random random = new Random(7);
        String alphabet = "ab,;\"'\\|§«»\r\n\t  Ü日😀";
        List<String> values = new ArrayList<>(List.of("", "\"", "\"\"", "'", "\\", "\\\"", "plain", "a,b", "line\r\nbreak"));
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                int c = alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())));
                s.appendCodePoint(alphabet.codePointAt(c));
            }
            values.add(s.toString());
        }
        char[] quotes = {'"', '\'', '|', '§'};
        Character[] escapes = {null, '\\', '«'};
        for (char quote : quotes) {
            for (Character escape : escapes) {
                for (String v : values) {
                    assertThat(ours(v, quote, escape)).as("%s with quote %s escape %s", v, quote, escape)
                            .isEqualTo(commonsCsv(v, quote, escape));
                }
            }
        }
    }
}
