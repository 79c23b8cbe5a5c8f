package dev.ringside.sink.text;

import com.datastax.oss.protocol.internal.ProtocolConstants;
import dev.ringside.sink.CqlText;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@link CqlText} forms of fixed-width CQL values, written straight from the bytes Cassandra sent: no boxed
 * value, no {@code Instant}, {@code UUID} or {@code String} per cell. Each method writes exactly what
 * {@code CqlText.scalar(codec.decode(bytes))} gives (WireTextTest checks that for random values of every type), so
 * the documented text forms do not change.
 */
public final class WireText {

    /** The first and last instant whose year has four digits: outside them the formatter adds a sign. */
    private static final long MIN_FOUR_DIGIT_MILLIS = -62_167_219_200_000L;
    private static final long MAX_FOUR_DIGIT_MILLIS = 253_402_300_799_999L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /** The last day written, as {@code uuuu-MM-dd}: the timestamps of one table often share days. */
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    /** Whether a column of this type (a protocol data-type code) can be written from its bytes. */
    public static boolean handles(int protocolCode) {
        return switch (protocolCode) {
            case ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.VARCHAR, ProtocolConstants.DataType.BOOLEAN,
                 ProtocolConstants.DataType.TINYINT, ProtocolConstants.DataType.SMALLINT, ProtocolConstants.DataType.INT,
                 ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER, ProtocolConstants.DataType.DOUBLE,
                 ProtocolConstants.DataType.FLOAT, ProtocolConstants.DataType.UUID, ProtocolConstants.DataType.TIMEUUID,
                 ProtocolConstants.DataType.TIMESTAMP, ProtocolConstants.DataType.DATE, ProtocolConstants.DataType.TIME,
                 ProtocolConstants.DataType.BLOB -> true;
            default -> false;
        };
    }

    /**
     * Whether a non-text value's bytes are empty: the driver reads such a (legacy) value as null, and so do we.
     * Text and blobs have an empty value of their own.
     */
    public static boolean isNull(int protocolCode, ByteBuffer bytes) {
        return bytes == null || isNull(protocolCode, bytes.remaining());
    }

    /** Whether a value of {@code length} bytes is null, as {@link #isNull(int, ByteBuffer)} for a present value. */
    public static boolean isNull(int protocolCode, int length) {
        return length == 0 && protocolCode != ProtocolConstants.DataType.ASCII
                && protocolCode != ProtocolConstants.DataType.VARCHAR && protocolCode != ProtocolConstants.DataType.BLOB;
    }

    /** Appends the value's text; the value is not null ({@link #isNull}). */
    public void append(int protocolCode, ByteBuffer b, TextBuffer out) {
        append(protocolCode, b, b.position(), b.remaining(), out);
    }

    /** Appends the text of the value in {@code length} bytes of {@code b} from {@code p}, which is not null. */
    public void append(int protocolCode, ByteBuffer b, int p, int length, TextBuffer out) {
        switch (protocolCode) {
            case ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.VARCHAR -> out.append(b, p, length);
            case ProtocolConstants.DataType.BOOLEAN -> out.append(b.get(p) != 0 ? TRUE : FALSE);
            case ProtocolConstants.DataType.TINYINT -> out.appendLong(b.get(p));
            case ProtocolConstants.DataType.SMALLINT -> out.appendLong(b.getShort(p));
            case ProtocolConstants.DataType.INT -> out.appendLong(b.getInt(p));
            case ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER -> out.appendLong(b.getLong(p));
            case ProtocolConstants.DataType.DOUBLE -> out.append(CqlText.shortest(b.getDouble(p)));
            case ProtocolConstants.DataType.FLOAT -> out.append(CqlText.shortest(b.getFloat(p)));
            case ProtocolConstants.DataType.UUID, ProtocolConstants.DataType.TIMEUUID -> uuid(b.getLong(p), b.getLong(p + 8), out);
            case ProtocolConstants.DataType.TIMESTAMP -> timestamp(b.getLong(p), out);
            case ProtocolConstants.DataType.DATE -> date(b.getInt(p), out);
            case ProtocolConstants.DataType.TIME -> time(b.getLong(p), out);
            case ProtocolConstants.DataType.BLOB -> out.append((byte) '0').append((byte) 'x').appendHex(b, p, length);
            default -> throw new IllegalArgumentException("Not a fixed-width type: " + protocolCode);
        }
    }

    static void uuid(long msb, long lsb, TextBuffer out) {
        out.appendHex(msb >>> 32, 8).append((byte) '-').appendHex(msb >>> 16, 4).append((byte) '-').appendHex(msb, 4)
                .append((byte) '-').appendHex(lsb >>> 48, 4).append((byte) '-').appendHex(lsb, 12);
    }

    /** {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, as {@link CqlText#TIMESTAMP}. */
    void timestamp(long millis, TextBuffer out) {
        if (millis < MIN_FOUR_DIGIT_MILLIS || millis > MAX_FOUR_DIGIT_MILLIS) {
            out.append(CqlText.TIMESTAMP.format(Instant.ofEpochMilli(millis)));
            return;
        }
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        int ms = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        if (day != cachedDay) {
            LocalDate d = LocalDate.ofEpochDay(day);
            TextBuffer t = new TextBuffer(10);
            t.appendPadded(d.getYear(), 4).append((byte) '-').appendPadded(d.getMonthValue(), 2).append((byte) '-')
                    .appendPadded(d.getDayOfMonth(), 2);
            System.arraycopy(t.array(), 0, cachedDate, 0, 10);
            cachedDay = day;
        }
        out.append(cachedDate).append((byte) 'T').appendPadded(ms / 3_600_000, 2).append((byte) ':')
                .appendPadded(ms / 60_000 % 60, 2).append((byte) ':').appendPadded(ms / 1000 % 60, 2)
                .append((byte) '.').appendPadded(ms % 1000, 3).append((byte) 'Z');
    }

    /** A CQL date (days since the epoch, offset by 2^31, unsigned) as {@link LocalDate#toString()}. */
    static void date(int raw, TextBuffer out) {
        long day = Integer.toUnsignedLong(raw) - (1L << 31);
        LocalDate d = LocalDate.ofEpochDay(day);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            out.append(d.toString());
            return;
        }
        out.appendPadded(year, 4).append((byte) '-').appendPadded(d.getMonthValue(), 2).append((byte) '-')
                .appendPadded(d.getDayOfMonth(), 2);
    }

    /** Nanoseconds of the day as {@code HH:mm:ss.nnnnnnnnn}, as {@link CqlText#TIME}. */
    static void time(long nanos, TextBuffer out) {
        long seconds = nanos / 1_000_000_000L;
        out.appendPadded((int) (seconds / 3600), 2).append((byte) ':').appendPadded((int) (seconds / 60 % 60), 2)
                .append((byte) ':').appendPadded((int) (seconds % 60), 2).append((byte) '.')
                .appendPadded((int) (nanos % 1_000_000_000L), 9);
    }
}
