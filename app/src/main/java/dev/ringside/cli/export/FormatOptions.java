package dev.ringside.cli.export;

import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.SinkOptions;
import dev.ringside.sink.TextCompression;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** Format and per-format options of {@code export}. */
public final class FormatOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "csv, parquet or jsonl (default: from the --out extension, else csv).")
    String format;

    @Option(names = "--compression", paramLabel = "CODEC",
            description = "Parquet: snappy (default), zstd, gzip, none. CSV: gzip or none (default). "
                    + "JSON Lines: gzip, zstd or none (default).")
    String compression;

    @Option(names = "--bom", description = "CSV: start each file with a UTF-8 byte order mark, so that Excel reads UTF-8.")
    boolean bom;

    @Option(names = "--row-group-size", paramLabel = "MB", defaultValue = "128", description = "Parquet row-group size in MB (default: ${DEFAULT-VALUE}).")
    int rowGroupMb;

    @Option(names = "--no-header", description = "CSV: no header line.")
    boolean noHeader;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "CSV field delimiter (default: ${DEFAULT-VALUE}; \\t for tab).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "CSV quote character (default: ${DEFAULT-VALUE}).")
    String quote;

    @Option(names = "--escape", paramLabel = "CHAR", description = "CSV escape character (default: none, quotes are doubled as in RFC 4180).")
    String escape;

    @Option(names = "--null-string", paramLabel = "TEXT", defaultValue = "", description = "CSV text for null (default: empty field; an empty string is written as \"\").")
    String nullString;

    public ExportFormat format(Path out) {
        if (format != null) {
            return parseFormat(format);
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst)$", "");
        if (name.endsWith(".parquet")) {
            return ExportFormat.PARQUET;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return ExportFormat.JSONL;
        }
        return ExportFormat.CSV;
    }

    /** A format by its name (csv, parquet, jsonl; json and ndjson mean jsonl). */
    public static ExportFormat parseFormat(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> ExportFormat.CSV;
            case "parquet" -> ExportFormat.PARQUET;
            case "jsonl", "json", "ndjson" -> ExportFormat.JSONL;
            default -> throw new IllegalArgumentException("Unknown format '" + name + "': use csv, parquet or jsonl.");
        };
    }

    /** JSON Lines without --compression: as the name says ({@code .jsonl.gz}, {@code .jsonl.zst}), else none. */
    private static TextCompression compressionOf(Path out) {
        String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? TextCompression.GZIP : name.endsWith(".zst") ? TextCompression.ZSTD : TextCompression.NONE;
    }

    SinkOptions sinkOptions(ExportFormat fmt) {
        return sinkOptions(fmt, null);
    }

    public SinkOptions sinkOptions(ExportFormat fmt, Path out) {
        return switch (fmt) {
            case CSV -> csv();
            case PARQUET -> parquet();
            case JSONL -> {
                noBom("jsonl");
                TextCompression codec = compression == null ? compressionOf(out) : TextCompression.parse(compression);
                if (codec == null) {
                    throw new IllegalArgumentException("Unknown JSON Lines --compression '" + compression + "': use gzip, zstd or none.");
                }
                yield new JsonLinesOptions(codec);
            }
        };
    }

    private CsvOptions csv() {
        boolean gzip = false;
        if (compression != null) {
            gzip = switch (compression.toLowerCase(Locale.ROOT)) {
                case "gzip", "gz" -> true;
                case "none" -> false;
                default -> throw new IllegalArgumentException("Unknown CSV --compression '" + compression + "': use gzip or none.");
            };
        }
        char d = oneChar("--delimiter", delimiter);
        char q = oneChar("--quote", quote);
        Character e = escape == null ? null : oneChar("--escape", escape);
        if (CsvOptions.sameCharacterProblem(d, q).isPresent()) {
            throw new IllegalArgumentException("--delimiter and --quote must differ (both are '" + d + "').");
        }
        return new CsvOptions(!noHeader, d, q, e, nullString, gzip, bom);
    }

    private void noBom(String format) {
        if (bom) {
            throw new IllegalArgumentException("--bom is for CSV only (a byte order mark has no place in " + format + "); leave it out.");
        }
    }

    private ParquetOptions parquet() {
        noBom("parquet");
        ParquetOptions.ParquetCompression codec = ParquetOptions.ParquetCompression.SNAPPY;
        if (compression != null) {
            try {
                codec = ParquetOptions.ParquetCompression.valueOf(compression.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("Unknown Parquet --compression '" + compression + "': use snappy, zstd, gzip or none.");
            }
        }
        if (rowGroupMb < 1 || rowGroupMb > 2048) {
            throw new IllegalArgumentException("--row-group-size must be between 1 and 2048 MB (got " + rowGroupMb + ").");
        }
        return new ParquetOptions(codec, rowGroupMb * 1024L * 1024L);
    }

    private static char oneChar(String option, String value) {
        return CsvOptions.character(value).orElseThrow(() ->
                new IllegalArgumentException(option + " " + CsvOptions.characterProblem(value).orElseThrow()));
    }
}
