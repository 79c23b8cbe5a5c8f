package dev.ringside.engine.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the ring into about {@code splits} ranges along vnode boundaries: every owned range gets at least one
 * split and larger ones get more, in proportion to their token span. The result is sorted by token and covers the
 * owned ranges exactly once.
 */
public final class RangePlanner {

    /** Upper bound of the split count a user may ask for. */
    public static final int MAX_SPLITS = 100_000;

    public List<PlannedRange> plan(List<OwnedRange> owned, int splits) {
        if (splits < 1 || splits > MAX_SPLITS) {
            throw new IllegalArgumentException("splits must be between 1 and " + MAX_SPLITS + ", got " + splits);
        }
        List<OwnedRange> sorted = new ArrayList<>(owned);
        sorted.sort(Comparator.comparingLong(o -> o.range().start()));
        BigInteger total = sorted.stream().map(o -> o.range().span()).reduce(BigInteger.ZERO, BigInteger::add);
        List<PlannedRange> plan = new ArrayList<>(Math.max(splits, sorted.size()));
        for (OwnedRange o : sorted) {
            for (TokenRange part : o.range().split(shareOf(o.range().span(), total, splits))) {
                plan.add(new PlannedRange(plan.size(), part, o.replicas()));
            }
        }
        return plan;
    }

    /** Splits for one owned range: its proportional share of the target, rounded, at least one. */
    private static int shareOf(BigInteger span, BigInteger total, int splits) {
        BigInteger[] qr = span.multiply(BigInteger.valueOf(splits)).divideAndRemainder(total);
        long share = qr[0].longValue() + (qr[1].shiftLeft(1).compareTo(total) >= 0 ? 1 : 0);
        return (int) Math.max(1, share);
    }
}
