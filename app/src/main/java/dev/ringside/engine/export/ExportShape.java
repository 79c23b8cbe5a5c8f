package dev.ringside.engine.export;

/**
 * How much of the table an export reads and how its rows are cut into files. The default reads everything into
 * one file per writer. Messages here name no CLI flag; the CLI and the app word them with their own field names.
 *
 * @param maxRowsPerFile at most this many lines per file, a CSV header included, rolling over to a new numbered file;
 *                       0 for no limit
 * @param limit          at most this many rows in all (exactly this many when the table has as many); 0 for all
 * @param sample         the share of the token space to read, as whole ranges chosen at random (0 &lt; sample &lt; 1);
 *                       0 for the whole table
 * @param seed           the random choice of ranges of a sample, so that it can be repeated
 */
public record ExportShape(long maxRowsPerFile, long limit, double sample, long seed) {

    /** Everything, one file per writer. */
    public static final ExportShape ALL = new ExportShape(0, 0, 0, 0);
    /** The most rows an Excel sheet holds, its header line included. */
    public static final long EXCEL_ROWS = 1_048_576;

    public ExportShape {
        if (maxRowsPerFile < 0) {
            throw new IllegalArgumentException("The rows per file must be 0 (no limit) or more (got " + maxRowsPerFile + ").");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("The row limit must be 0 (all rows) or more (got " + limit + ").");
        }
        if (!(sample >= 0 && sample < 1)) {
            throw new IllegalArgumentException("The sample must be a fraction above 0 and below 1, e.g. 0.01 for 1 % (got " + sample + ").");
        }
    }

    public boolean rolls() {
        return maxRowsPerFile > 0;
    }

    public boolean limited() {
        return limit > 0;
    }

    public boolean sampled() {
        return sample > 0;
    }

    /** Whether this reads the whole table into one file per writer (named so that JSON does not take it for a field). */
    public boolean readsAllIntoOneFileEach() {
        return equals(ALL);
    }

    public ExportShape withMaxRowsPerFile(long value) {
        return new ExportShape(value, limit, sample, seed);
    }

    public ExportShape withLimit(long value) {
        return new ExportShape(maxRowsPerFile, value, sample, seed);
    }

    public ExportShape withSample(double fraction, long randomSeed) {
        return new ExportShape(maxRowsPerFile, limit, fraction, randomSeed);
    }
}
