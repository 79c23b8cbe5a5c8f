package dev.ringside.engine.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of Murmur3 tokens, {@code (start, end]} with {@code start < end}: it never wraps, and it never ends at the
 * ring's minimum token. Both matter because Cassandra reads a range that ends at -2^63 (even
 * {@code token >= -2^63 AND token <= -2^63}) as the whole ring. Murmur3 never gives a row the token -2^63, so
 * {@code (MIN, end]} holds every row up to {@code end} and no range needs to include the minimum itself.
 */
public record TokenRange(long start, long end) {

    /** Number of tokens in the whole Murmur3 ring: 2^64. */
    public static final BigInteger RING_SIZE = BigInteger.ONE.shiftLeft(64);

    public TokenRange {
        if (start >= end) {
            throw new IllegalArgumentException("empty or inverted token range " + start + ".." + end);
        }
    }

    /** A {@code (start, end]} range. */
    public static TokenRange of(long start, long end) {
        return new TokenRange(start, end);
    }

    /**
     * The ranges covering ring range {@code (start, end]} as a node owns it. When {@code start >= end} the range wraps
     * past the maximum token (with {@code start == end} it is the whole ring, as in a one-node one-token cluster) and
     * becomes {@code (start, MAX]} plus {@code (MIN, end]}; a part with no row token in it is left out.
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
        if (end != Long.MIN_VALUE) {
            parts.add(of(Long.MIN_VALUE, end));
        }
        return parts;
    }

    /** How many tokens the range holds. */
    public BigInteger span() {
        return BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
    }

    /** This range's share of the whole ring, 0..1. */
    public double ringFraction() {
        return span().doubleValue() / RING_SIZE.doubleValue();
    }

    /** Whether {@code token} lies in this range. */
    public boolean contains(long token) {
        return token > start && token <= end;
    }

    /** Cuts this range into {@code parts} contiguous ranges of near-equal span (fewer if it holds fewer tokens). */
    public List<TokenRange> split(int parts) {
        BigInteger span = span();
        int n = (int) Math.max(1, Math.min(parts, span.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue()));
        List<TokenRange> result = new ArrayList<>(n);
        BigInteger origin = BigInteger.valueOf(start);
        long previous = start;
        BigInteger bigN = BigInteger.valueOf(n);
        for (int i = 1; i <= n; i++) {
            long boundary = i == n ? end : origin.add(span.multiply(BigInteger.valueOf(i)).divide(bigN)).longValueExact();
            result.add(of(previous, boundary));
            previous = boundary;
        }
        return result;
    }

    /** The two halves of this range, for a range too slow to finish in one query. */
    public List<TokenRange> halves() {
        return split(2);
    }

    @Override
    public String toString() {
        return "(" + start + ", " + end + "]";
    }
}
