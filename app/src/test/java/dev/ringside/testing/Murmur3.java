package dev.ringside.testing;

/**
 * Cassandra's Murmur3 token of a {@code bigint} partition key (its 8 big-endian bytes), written from the algorithm
 * independently of the engine, so tests can place rows at the ring's extremes. Cassandra sign-extends tail bytes;
 * so does this. Verified against the server's own token() in the tests.
 */
public final class Murmur3 {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3() {
    }

    public static long tokenOfBigint(long key) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (key >>> (56 - 8 * i));
        }
        long h1 = 0;
        long h2 = 0;
        long k1 = 0;
        for (int i = 7; i >= 0; i--) {
            k1 ^= ((long) b[i]) << (8 * i);
        }
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
        h1 ^= 8;
        h2 ^= 8;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        return h1 == Long.MIN_VALUE ? Long.MAX_VALUE : h1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
