package dev.ringside.sink.text;

import java.nio.ByteBuffer;

/**
 * A cursor over the items of a list's or set's bytes (protocol v3+): a count, then each item as a length (-1 for
 * null) and its bytes. The items are read in place: one cursor serves every cell of a column, with no buffer made
 * per item. A missing or empty value has no items: Cassandra stores an empty non-frozen collection as no value.
 */
public final class CollectionItems {

    private ByteBuffer bytes;
    private int left;
    private int next;
    private int offset;
    private int length;

    /** Starts on a new value (null for none); the buffer stays as it was. */
    public CollectionItems reset(ByteBuffer value) {
        bytes = value;
        left = value == null || value.remaining() == 0 ? 0 : value.getInt(value.position());
        next = value == null ? 0 : value.position() + 4;
        return this;
    }

    /** Moves to the next item; false when there is none. */
    public boolean next() {
        if (left == 0) {
            return false;
        }
        left--;
        length = bytes.getInt(next);
        offset = next + 4;
        next = offset + Math.max(0, length);
        return true;
    }

    /** The buffer the items are in. */
    public ByteBuffer buffer() {
        return bytes;
    }

    /** Where the current item's bytes start in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** The current item's length in bytes, or -1 for a null item. */
    public int length() {
        return length;
    }
}
