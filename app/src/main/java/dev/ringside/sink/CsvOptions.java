package dev.ringside.sink;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Optional;

/**
 * CSV options. Defaults are RFC 4180: comma, double quote, quote doubled as escape, CRLF line ends, header on,
 * nulls as an empty unquoted field (an empty string is written as {@code ""}).
 *
 * @param escape escape character, or {@code null} for RFC 4180 quote doubling
 * @param bom    a UTF-8 byte order mark at the start of each file, which Excel needs to read UTF-8; left out of the
 *               checkpoint's JSON when off, so checkpoints written before it existed still match
 */
public record CsvOptions(boolean header, char delimiter, char quote, Character escape, String nullString, boolean gzip,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean bom)
        implements SinkOptions {

    /*
     * The CLI and the app read the rules below and word the problems with their own field names; messages here
     * name no CLI flag.
     */

    public CsvOptions {
        Optional<String> problem = sameCharacterProblem(delimiter, quote);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Without a byte order mark. */
    public CsvOptions(boolean header, char delimiter, char quote, Character escape, String nullString, boolean gzip) {
        this(header, delimiter, quote, escape, nullString, gzip, false);
    }

    /** The same dialect with a byte order mark or without. */
    public CsvOptions withBom(boolean value) {
        return new CsvOptions(header, delimiter, quote, escape, nullString, gzip, value);
    }

    public TextCompression compression() {
        return gzip ? TextCompression.GZIP : TextCompression.NONE;
    }

    /** A typed delimiter, quote or escape: one character, or {@code \t} for a tab; empty when it is not one. */
    public static Optional<Character> character(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        if (typed.equals("\\t")) {
            return Optional.of('\t');
        }
        return typed.length() == 1 ? Optional.of(typed.charAt(0)) : Optional.empty();
    }

    /** What is wrong with a typed character, worded to follow the field's name ("must be …"), or empty. */
    public static Optional<String> characterProblem(String typed) {
        return character(typed).isPresent() ? Optional.empty()
                : Optional.of("must be exactly one character, or \\t for a tab (got '" + (typed == null ? "" : typed) + "').");
    }

    /** Why a delimiter and a quote cannot go together, or empty. */
    public static Optional<String> sameCharacterProblem(char delimiter, char quote) {
        return delimiter == quote
                ? Optional.of("The delimiter and the quote must be different characters (both are '" + delimiter + "').")
                : Optional.empty();
    }

    public static CsvOptions defaults() {
        return new CsvOptions(true, ',', '"', null, "", false);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }
}
