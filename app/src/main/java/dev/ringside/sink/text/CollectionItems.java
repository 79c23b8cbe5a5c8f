package dev.ringside.sink.text;

import java.nio.ByteBuffer;

/**
 * The items of a list's or set's bytes (protocol v3+): a count, then each item as a length (-1 for null) and its
 * bytes. A missing or empty value has no items: Cassandra stores an empty non-frozen collection as no value.
 */
public final class CollectionItems {

    private final ByteBuffer bytes;
    private final int count;
    private int read;

    public CollectionItems(ByteBuffer value) {
        this.bytes = value == null ? null : value.duplicate();
        this.count = value == null || value.remaining() == 0 ? 0 : this.bytes.getInt();
    }

    public int count() {
        return count;
    }

    public boolean hasNext() {
        return read < count;
    }

    /** The next item's bytes, or {@code null} for a null item. */
    public ByteBuffer next() {
        read++;
        int length = bytes.getInt();
        if (length < 0) {
            return null;
        }
        ByteBuffer item = bytes.slice();
        item.limit(length);
        bytes.position(bytes.position() + length);
        return item;
    }
}
