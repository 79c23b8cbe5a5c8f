package dev.ringside.spark;

/**
 * One token range read by a task: the tokens t with {@code start < t <= end} on the Murmur3 ring, always
 * {@code start < end}: the connector's forms of "to the end of the ring" are turned into {@code end = Long.MAX_VALUE}
 * (see {@link #ofConnector}), so that a reader draws each range without knowing them.
 */
public record TokenSpan(long start, long end) {

    public TokenSpan {
        if (start >= end) {
            throw new IllegalArgumentException("A token span runs forward: (" + start + ", " + end + "]");
        }
    }

    /**
     * A range as the connector's {@code CqlTokenRange} holds it. The connector never hands a task a wrapping range:
     * it unwraps (s, e] with e < s into (s, MIN] and (MIN, e], and it means by end == Long.MIN_VALUE "to the end of the
     * ring" ({@code token > s}), by start == MIN "from the start" ({@code token <= e}), and by (MIN, MIN] the whole
     * ring (one split). MIN itself is no Murmur3 token (Cassandra hashes it to MAX), so (s, MAX] reads the same rows.
     * Seen on the 16-vnode test node: the vnode range (8644337342901033080, -8319734791746918853] came as the two
     * ranges (8644337342901033080, MIN] and (MIN, -8319734791746918853] of one partition; --splits 1 as (MIN, MIN].
     */
    static TokenSpan ofConnector(long start, long end) {
        return new TokenSpan(start, end == Long.MIN_VALUE ? Long.MAX_VALUE : end);
    }
}
