package dev.ringside.engine.export;

import dev.ringside.engine.plan.PlannedRange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A sample of a plan: whole ranges drawn at random, without regard to what they hold, until they cover the asked
 * share of the plan's token space. Each partition lies in exactly one range, so each has about that chance to be in
 * the sample: an unbiased sample of partitions (all rows of a partition come together). The seed makes it repeatable.
 */
final class RangeSample {

    private RangeSample() {
    }

    /** The chosen ranges, in token order, numbered from 0; at least one when the plan has any. */
    static List<PlannedRange> choose(List<PlannedRange> plan, double fraction, long seed) {
        BigInteger total = plan.stream().map(r -> r.range().span()).reduce(BigInteger.ZERO, BigInteger::add);
        List<PlannedRange> shuffled = new ArrayList<>(plan);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        List<PlannedRange> chosen = new ArrayList<>();
        BigInteger covered = BigInteger.ZERO;
        // Stop at the draw that comes closest to the share, so that the sample is neither always over nor under.
        double want = fraction * total.doubleValue();
        for (PlannedRange r : shuffled) {
            double before = covered.doubleValue();
            double after = before + r.range().span().doubleValue();
            if (!chosen.isEmpty() && Math.abs(after - want) > Math.abs(before - want)) {
                break;
            }
            chosen.add(r);
            covered = covered.add(r.range().span());
            if (after >= want) {
                break;
            }
        }
        chosen.sort(Comparator.comparing(r -> r.range().start()));
        // Ids number the ranges of a job from 0 (the runner and the checkpoint index by them).
        List<PlannedRange> numbered = new ArrayList<>();
        for (PlannedRange r : chosen) {
            numbered.add(new PlannedRange(numbered.size(), r.range(), r.replicas()));
        }
        return numbered;
    }

    /** The share of the plan's token space that {@code chosen} covers. */
    static double share(List<PlannedRange> plan, List<PlannedRange> chosen) {
        BigInteger total = plan.stream().map(r -> r.range().span()).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger part = chosen.stream().map(r -> r.range().span()).reduce(BigInteger.ZERO, BigInteger::add);
        return total.signum() == 0 ? 0 : part.doubleValue() / total.doubleValue();
    }
}
