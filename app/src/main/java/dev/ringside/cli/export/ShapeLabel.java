package dev.ringside.cli.export;

import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.engine.run.RangeOutcome;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** What the summary adds for a limited or sampled export, so that nobody takes it for the whole table. */
final class ShapeLabel {

    private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

    private ShapeLabel() {
    }

    static String of(ExportShape shape, ExportResult result) {
        StringBuilder s = new StringBuilder();
        if (shape.sampled()) {
            s.append(String.format(Locale.ROOT, "; a SAMPLE: %.1f %% of the token space (asked %s, --seed %d)",
                    100 * tokenShare(result), BigDecimal.valueOf(shape.sample()).toPlainString(), shape.seed()));
        }
        if (shape.limited()) {
            s.append(String.format(Locale.ROOT, "; --limit %,d", shape.limit()));
        }
        return s.toString();
    }

    /** The share of the whole token ring that the export's ranges cover. */
    static double tokenShare(ExportResult result) {
        BigInteger covered = BigInteger.ZERO;
        for (RangeOutcome r : result.ranges()) {
            covered = covered.add(r.range().span());
        }
        return new BigDecimal(covered).divide(new BigDecimal(RING), 8, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
