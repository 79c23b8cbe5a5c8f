package dev.ringside.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of Murmur3 tokens: {@code (start, end]}, or {@code [start, end]} when {@code startInclusive} (only the
 * range that begins at the ring's minimum token is inclusive, so that no token is missed). Never wraps: the ring's
 * wrap-around range is cut in two by {@link #ofRing(long, long)}.
 */
public record TokenRange(long start, long end, boolean startInclusive) {

    /** Number of tokens in the whole Murmur3 ring: 2^64. */
    public static final BigInteger RING_SIZE = BigInteger.ONE.shiftLeft(64);

    public TokenRange {
        if (startInclusive ? start > end : start >= end) {
            throw new IllegalArgumentException("empty or inverted token range " + start + ".." + end);
        }
    }

    /** An ordinary {@code (start, end]} range. */
    public static TokenRange of(long start, long end) {
        return new TokenRange(start, end, false);
    }

    /**
     * The ranges covering ring range {@code (start, end]} as a node owns it: when {@code start >= end} the range wraps
     * past the maximum token (with {@code start == end} it is the whole ring, as in a one-node one-token cluster) and
     * becomes {@code (start, MAX]} plus {@code [MIN, end]}.
     */
    public static List<TokenRange> ofRing(long start, long end) {
        List<TokenRange> parts = new ArrayList<>(2);
        if (start < end) {
            parts.add(of(start, end));
            return parts;
        }
        if (start != Long.MAX_VALUE) {
            parts.add(of(start, Long.MAX_VALUE));
        }
        parts.add(new TokenRange(Long.MIN_VALUE, end, true));
        return parts;
    }

    /** How many tokens the range holds. */
    public BigInteger span() {
        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        return startInclusive ? span.add(BigInteger.ONE) : span;
    }

    /** This range's share of the whole ring, 0..1. */
    public double ringFraction() {
        return span().doubleValue() / RING_SIZE.doubleValue();
    }

    /** Whether {@code token} lies in this range. */
    public boolean contains(long token) {
        return (startInclusive ? token >= start : token > start) && token <= end;
    }

    /**
     * Cuts this range into {@code parts} contiguous ranges of near-equal span (fewer if the range holds fewer tokens).
     * The first part keeps this range's inclusive start.
     */
    public List<TokenRange> split(int parts) {
        BigInteger span = span();
        int n = (int) Math.max(1, Math.min(parts, span.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue()));
        List<TokenRange> result = new ArrayList<>(n);
        // Work from the "exclusive" origin so that every boundary is start + span * i / n.
        BigInteger origin = BigInteger.valueOf(start).subtract(startInclusive ? BigInteger.ONE : BigInteger.ZERO);
        long previous = start;
        boolean inclusive = startInclusive;
        BigInteger bigN = BigInteger.valueOf(n);
        for (int i = 1; i <= n; i++) {
            long boundary = i == n ? end : origin.add(span.multiply(BigInteger.valueOf(i)).divide(bigN)).longValueExact();
            result.add(new TokenRange(previous, boundary, inclusive));
            previous = boundary;
            inclusive = false;
        }
        return result;
    }

    /** The two halves of this range, for a range too slow to finish in one query. */
    public List<TokenRange> halves() {
        return split(2);
    }

    @Override
    public String toString() {
        return (startInclusive ? "[" : "(") + start + ", " + end + "]";
    }
}
