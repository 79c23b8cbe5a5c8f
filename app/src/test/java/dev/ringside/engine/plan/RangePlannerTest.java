package dev.ringside.engine.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan covers the ring exactly once: no gap, no overlap, whatever the ring and the split count. */
class RangePlannerTest {

    static Stream<Arguments> rings() {
        List<Arguments> cases = new ArrayList<>();
        for (int nodes : new int[] {1, 2, 3}) {
            for (int vnodes : new int[] {1, 16}) {
                for (int splits : new int[] {1, 2, 3, 10, 47, 256, 1000, 10_000}) {
                    cases.add(Arguments.of(nodes, vnodes, splits));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} nodes x {1} vnodes, {2} splits")
    @MethodSource("rings")
    void coversTheRingExactlyOnce(int nodes, int vnodes, int splits) {
        List<OwnedRange> owned = ring(nodes * vnodes, new Random(31L * nodes + vnodes));
        List<PlannedRange> plan = new RangePlanner().plan(owned, splits);

        // Every owned range gets a split, and rounding each range's share loses at most half a split per range.
        assertThat(plan.size()).isGreaterThanOrEqualTo(owned.size())
                .isGreaterThanOrEqualTo(splits - (owned.size() + 1) / 2);
        // Proportional splitting lands near the target when the target exceeds the vnode count.
        if (splits >= owned.size() * 4) {
            assertThat(plan.size()).isBetween((int) (splits * 0.9), (int) (splits * 1.1) + owned.size());
        }
        assertThat(plan.get(0).range().start()).isEqualTo(Long.MIN_VALUE);
        assertThat(plan.get(plan.size() - 1).range().end()).isEqualTo(Long.MAX_VALUE);
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < plan.size(); i++) {
            PlannedRange p = plan.get(i);
            assertThat(p.id()).isEqualTo(i);
            total = total.add(p.range().span());
            if (i > 0) {
                assertThat(p.range().start()).as("range %d starts where %d ends", i, i - 1).isEqualTo(plan.get(i - 1).range().end());
            }
            // Never crosses a vnode boundary: lies inside exactly one owned range, and has its replicas.
            List<OwnedRange> containing = owned.stream().filter(o -> inside(p.range(), o.range())).toList();
            assertThat(containing).hasSize(1);
            assertThat(p.replicas()).isEqualTo(containing.get(0).replicas());
        }
        // Every token but the minimum, which no row has.
        assertThat(total).isEqualTo(TokenRange.RING_SIZE.subtract(BigInteger.ONE));
        for (OwnedRange o : owned) {
            assertSplitInProportion(o, plan, splits, total);
        }
    }

    /**
     * An owned range gets its share of the splits by token span, {@code span × splits / total} rounded either way,
     * at least one and never more than its tokens, cut into parts whose spans differ by one token at most.
     */
    private static void assertSplitInProportion(OwnedRange o, List<PlannedRange> plan, int splits, BigInteger total) {
        List<BigInteger> spans = plan.stream().map(PlannedRange::range).filter(r -> inside(r, o.range()))
                .map(TokenRange::span).toList();
        BigInteger[] share = o.range().span().multiply(BigInteger.valueOf(splits)).divideAndRemainder(total);
        long floor = share[0].longValueExact();
        long ceil = floor + share[1].signum();
        assertThat((long) spans.size()).as("parts of %s", o.range())
                .isBetween(Math.max(1, floor), Math.max(1, ceil))
                .isLessThanOrEqualTo(o.range().span().min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact());
        BigInteger widest = spans.stream().max(BigInteger::compareTo).orElseThrow();
        BigInteger narrowest = spans.stream().min(BigInteger::compareTo).orElseThrow();
        assertThat(widest.subtract(narrowest)).as("part spans in %s", o.range()).isLessThanOrEqualTo(BigInteger.ONE);
    }

    @Test
    void theOwnedRangesMayComeInAnyOrder() {
        List<OwnedRange> owned = ring(48, new Random(7));
        List<OwnedRange> shuffled = new ArrayList<>(owned);
        java.util.Collections.shuffle(shuffled, new Random(8));
        assertThat(new RangePlanner().plan(shuffled, 500)).isEqualTo(new RangePlanner().plan(owned, 500));
    }

    @Test
    void theSplitCountIsFromOneToTheMaximum() {
        List<OwnedRange> owned = ring(48, new Random(9));
        RangePlanner planner = new RangePlanner();
        assertThatThrownBy(() -> planner.plan(owned, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splits must be between 1 and 100000, got 0");
        assertThatThrownBy(() -> planner.plan(owned, RangePlanner.MAX_SPLITS + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(planner.plan(owned, RangePlanner.MAX_SPLITS).size())
                .isBetween(RangePlanner.MAX_SPLITS - owned.size() / 2, RangePlanner.MAX_SPLITS + owned.size());
        assertThat(planner.plan(owned, 1)).hasSize(owned.size());
    }

    /** A range of a few tokens is cut into no more parts than it has tokens. */
    @Test
    void aTinyOwnedRangeIsCutIntoAtMostItsTokens() {
        List<OwnedRange> owned = List.of(new OwnedRange(TokenRange.of(0, 3), List.of()));
        assertThat(new RangePlanner().plan(owned, 1000)).extracting(PlannedRange::range)
                .containsExactly(TokenRange.of(0, 1), TokenRange.of(1, 2), TokenRange.of(2, 3));
    }

    /** As the sandbox runs on a Mac: three nodes on 127.0.0.1, told apart by their ports. */
    @Test
    void threeNodesOnOneAddressEachKeepTheRangesTheyOwn() {
        List<com.datastax.oss.driver.api.core.metadata.Node> nodes = List.of(9042, 9043, 9044).stream()
                .map(port -> FakeNode.at(new java.net.InetSocketAddress("127.0.0.1", port))).toList();
        List<OwnedRange> owned = new ArrayList<>();
        List<OwnedRange> unowned = ring(48, new Random(5));
        for (int i = 0; i < unowned.size(); i++) {
            owned.add(new OwnedRange(unowned.get(i).range(), List.of(nodes.get(i % 3))));
        }
        List<PlannedRange> plan = new RangePlanner().plan(owned, 200);
        for (PlannedRange p : plan) {
            OwnedRange owner = owned.stream().filter(o -> inside(p.range(), o.range())).findFirst().orElseThrow();
            assertThat(p.replicas()).as("replicas of %s", p.range()).isEqualTo(owner.replicas());
        }
        assertThat(plan.stream().map(p -> Nodes.label(p.replicas().get(0))).distinct().sorted())
                .containsExactly("127.0.0.1:9042", "127.0.0.1:9043", "127.0.0.1:9044");
    }

    private static boolean inside(TokenRange inner, TokenRange outer) {
        return outer.contains(inner.start() + 1) && inner.end() <= outer.end();
    }

    /** A ring of {@code tokens} random tokens (plus the extremes now and then), unwrapped as RingReader does. */
    static List<OwnedRange> ring(int tokens, Random random) {
        TreeSet<Long> set = new TreeSet<>();
        if (tokens >= 3) {
            set.add(Long.MAX_VALUE);
            set.add(Long.MIN_VALUE + 1);
        }
        while (set.size() < tokens) {
            set.add(random.nextLong());
        }
        return unwrap(set);
    }

    /** The ranges a ring of these node tokens owns, unwrapped as RingReader does. */
    static List<OwnedRange> unwrap(TreeSet<Long> set) {
        List<Long> sorted = new ArrayList<>(set);
        List<OwnedRange> owned = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long start = sorted.get((i - 1 + sorted.size()) % sorted.size());
            long end = sorted.get(i);
            for (TokenRange part : TokenRange.ofRing(start, end)) {
                owned.add(new OwnedRange(part, List.of()));
            }
        }
        return owned;
    }
}
