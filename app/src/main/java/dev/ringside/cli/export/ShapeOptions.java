package dev.ringside.cli.export;

import dev.ringside.engine.export.ExportShape;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.util.Locale;

/** How much {@code export} reads (a limit, a sample) and how it cuts the rows into files. */
public final class ShapeOptions {

    @Option(names = "--max-rows-per-file", paramLabel = "N|excel",
            description = "Roll over to a new numbered file (name-00001.csv, name-00002.csv …) after N lines, a CSV header "
                    + "included; 'excel' is 1,048,576, a sheet's most.")
    String maxRowsPerFile;

    @Option(names = "--limit", paramLabel = "N", description = "Export at most N rows (exactly N when the table has as many), "
            + "from whichever ranges answer first, for a quick look.")
    long limit;

    @Option(names = "--sample", paramLabel = "FRACTION", description = "Read only a random set of whole ranges covering about "
            + "this share of the token space (0 < FRACTION < 1): a sample of partitions.")
    double sample;

    @Option(names = "--seed", paramLabel = "N", description = "The random choice of --sample, to repeat a sample (default: new each run, printed).")
    Long seed;

    public ExportShape shape() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 1 or more (got " + limit + "); leave it out for every row.");
        }
        if (sample != 0 && !(sample > 0 && sample < 1)) {
            throw new IllegalArgumentException("--sample must be a fraction above 0 and below 1, e.g. 0.01 for 1 % (got " + sample + ").");
        }
        if (seed != null && sample == 0) {
            throw new IllegalArgumentException("--seed chooses the ranges of --sample; add --sample, or leave --seed out.");
        }
        long chosenSeed = sample == 0 ? 0 : seed != null ? seed : new SecureRandom().nextLong();
        return new ExportShape(rowsPerFile(), limit, sample, chosenSeed);
    }

    private long rowsPerFile() {
        if (maxRowsPerFile == null) {
            return 0;
        }
        if (maxRowsPerFile.toLowerCase(Locale.ROOT).equals("excel")) {
            return ExportShape.EXCEL_ROWS;
        }
        try {
            long n = Long.parseLong(maxRowsPerFile.replace("_", "").replace(",", ""));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-rows-per-file takes a whole number of lines, 2 or more with a CSV header, "
                    + "or 'excel' (got '" + maxRowsPerFile + "').");
        }
    }
}
