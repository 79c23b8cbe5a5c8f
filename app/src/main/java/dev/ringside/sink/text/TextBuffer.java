package dev.ringside.sink.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that a writer fills row by row and drains to its file in large blocks. Numbers,
 * UUIDs and dates are written into it digit by digit, so the hot path makes no String per value.
 */
public final class TextBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    public TextBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return bytes;
    }

    public void reset() {
        size = 0;
    }

    /** Drops everything after the first {@code length} bytes. */
    public void truncate(int length) {
        size = length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    public TextBuffer append(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    public TextBuffer append(byte[] b) {
        return append(b, 0, b.length);
    }

    public TextBuffer append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
        return this;
    }

    /** The remaining bytes of a buffer, which stays as it was. */
    public TextBuffer append(ByteBuffer b) {
        return append(b, b.position(), b.remaining());
    }

    /** {@code length} bytes of a buffer from {@code index}; the buffer stays as it was. */
    public TextBuffer append(ByteBuffer b, int index, int length) {
        ensure(length);
        b.get(index, bytes, size, length);
        size += length;
        return this;
    }

    /** A string's UTF-8 bytes; ASCII-only strings are copied without an encoder. */
    public TextBuffer append(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // Not ASCII: let the JDK encode it (surrogate pairs, etc.); nothing was counted yet.
                return append(s.getBytes(StandardCharsets.UTF_8));
            }
            bytes[size + i] = (byte) c;
        }
        size += len;
        return this;
    }

    /** Decimal digits of a long, as {@link Long#toString(long)} writes them. */
    public TextBuffer appendLong(long v) {
        if (v == Long.MIN_VALUE) {
            return append(MIN_LONG);
        }
        if (v < 0) {
            append((byte) '-');
            v = -v;
        }
        int digits = digits(v);
        ensure(digits);
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        size = end;
        return this;
    }

    private static int digits(long v) {
        int n = 1;
        long limit = 10;
        while (n < 19 && v >= limit) {
            n++;
            limit *= 10;
        }
        return n;
    }

    /** Exactly {@code width} digits of a non-negative number below 10^width, zero-padded. */
    public TextBuffer appendPadded(int v, int width) {
        ensure(width);
        int i = size + width;
        // Two digits per division: dates and times are mostly pairs.
        while (i - size >= 2) {
            int pair = (v % 100) * 2;
            v /= 100;
            bytes[--i] = PAIRS[pair + 1];
            bytes[--i] = PAIRS[pair];
        }
        if (i > size) {
            bytes[--i] = (byte) ('0' + v % 10);
        }
        size += width;
        return this;
    }

    /** Lower-case hex of the remaining bytes of a buffer, which stays as it was. */
    public TextBuffer appendHex(ByteBuffer b) {
        return appendHex(b, b.position(), b.remaining());
    }

    /** Lower-case hex of {@code len} bytes of a buffer from {@code p}; the buffer stays as it was. */
    public TextBuffer appendHex(ByteBuffer b, int p, int len) {
        ensure(2 * len);
        for (int i = 0; i < len; i++) {
            int v = b.get(p + i) & 0xff;
            bytes[size++] = HEX[v >>> 4];
            bytes[size++] = HEX[v & 0xf];
        }
        return this;
    }

    /** Lower-case hex of the low {@code nibbles} nibbles of a long, most significant first. */
    public TextBuffer appendHex(long v, int nibbles) {
        ensure(nibbles);
        for (int i = nibbles - 1; i >= 0; i--) {
            bytes[size++] = HEX[(int) (v >>> (4 * i)) & 0xf];
        }
        return this;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
