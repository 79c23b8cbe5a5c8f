package dev.ringside.engine.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cassandra reads {@code token(pk) >= -2^63 AND token(pk) <= -2^63} (and any range ending at the minimum token) as
 * the whole ring, and no row ever has the token -2^63. So no planned range may end at the minimum token, and every
 * other token must still be covered exactly once.
 */
class MinimumTokenTest {

    /** Every token a row can have: all of them but the minimum. */
    private static final BigInteger ROW_TOKENS = TokenRange.RING_SIZE.subtract(BigInteger.ONE);

    @Test
    void oneNodeOneTokenAtTheMinimumIsReadOnce() {
        // The driver reports a one-node, one-token ring as (MIN, MIN].
        List<TokenRange> parts = TokenRange.ofRing(Long.MIN_VALUE, Long.MIN_VALUE);
        assertThat(parts).containsExactly(TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE));
        assertNoRangeEndsAtMinimum(parts);
    }

    @Test
    void oneTokenRingElsewhereIsReadOnce() {
        List<TokenRange> parts = TokenRange.ofRing(42, 42);
        assertNoRangeEndsAtMinimum(parts);
        assertThat(sum(parts)).isEqualTo(ROW_TOKENS);
    }

    @Test
    void rangeEndingAtTheMinimumTokenHoldsOnlyItsUpperPart() {
        assertThat(TokenRange.ofRing(0, Long.MIN_VALUE)).containsExactly(TokenRange.of(0, Long.MAX_VALUE));
    }

    @Test
    void clippingToTheMinimumTokenLeavesNothing() {
        assertThat(RingReader.clip(TokenRange.of(Long.MIN_VALUE, 100), null, Long.MIN_VALUE)).isEmpty();
        assertThat(RingReader.clip(TokenRange.of(Long.MIN_VALUE, 100), Long.MIN_VALUE, 50L))
                .contains(TokenRange.of(Long.MIN_VALUE, 50L));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 100})
    void smallRangesAtTheMinimumNeverSplitIntoTheMinimumAlone(int parts) {
        for (long width = 1; width <= 5; width++) {
            List<TokenRange> split = TokenRange.of(Long.MIN_VALUE, Long.MIN_VALUE + width).split(parts);
            assertNoRangeEndsAtMinimum(split);
            assertThat(sum(split)).isEqualTo(BigInteger.valueOf(width));
        }
    }

    /** Rings with a node token at exactly -2^63, as the evenly spaced token formula gives node 0. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 16, 48})
    void planOfRingWithATokenAtTheMinimumCoversEveryRowTokenOnce(int tokens) {
        for (int splits : new int[] {1, 7, 256, 1000}) {
            List<OwnedRange> owned = ringWithMinimumToken(tokens, new Random(tokens * 31L + splits));
            List<PlannedRange> plan = new RangePlanner().plan(owned, splits);
            List<TokenRange> ranges = plan.stream().map(PlannedRange::range).toList();
            assertNoRangeEndsAtMinimum(ranges);
            assertThat(sum(ranges)).as("%d tokens, %d splits", tokens, splits).isEqualTo(ROW_TOKENS);
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
            }
            assertThat(ranges.get(0).start()).isEqualTo(Long.MIN_VALUE);
            assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(Long.MAX_VALUE);
        }
    }

    private static List<OwnedRange> ringWithMinimumToken(int tokens, Random random) {
        TreeSet<Long> set = new TreeSet<>();
        set.add(Long.MIN_VALUE);
        while (set.size() < tokens) {
            set.add(random.nextLong());
        }
        return RangePlannerTest.unwrap(set);
    }

    private static void assertNoRangeEndsAtMinimum(List<TokenRange> ranges) {
        assertThat(ranges).isNotEmpty().allSatisfy(r -> assertThat(r.end()).as("end of %s", r).isNotEqualTo(Long.MIN_VALUE));
    }

    private static BigInteger sum(List<TokenRange> ranges) {
        return ranges.stream().map(TokenRange::span).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
