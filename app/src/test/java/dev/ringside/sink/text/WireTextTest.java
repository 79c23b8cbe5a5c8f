package dev.ringside.sink.text;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import dev.ringside.sink.CqlText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing from the wire changes no text form: for random and extreme values of every type WireText handles, the
 * bytes are exactly {@code CqlText.scalar} of what the driver decodes (the forms docs/type-mapping.md documents).
 */
class WireTextTest {

    private final Random random = new Random(20261203);
    private final WireText wire = new WireText();

    private void check(DataType type, List<Object> values) {
        TypeCodec<Object> codec = CodecRegistry.DEFAULT.codecFor(type);
        for (Object value : values) {
            ByteBuffer bytes = codec.encode(value, ProtocolVersion.DEFAULT);
            TextBuffer out = new TextBuffer(4);
            int code = type.getProtocolCode();
            assertThat(WireText.handles(code)).isTrue();
            assertThat(WireText.isNull(code, bytes)).as("%s is not null", value).isFalse();
            wire.append(code, bytes, out);
            assertThat(out.toString()).as("%s %s", type, value).isEqualTo(CqlText.scalar(codec.decode(bytes, ProtocolVersion.DEFAULT)));
            assertThat(bytes.remaining()).as("the bytes stay readable").isEqualTo(codec.encode(value, ProtocolVersion.DEFAULT).remaining());
        }
    }

    private List<Object> longs(long... extremes) {
        List<Object> v = new ArrayList<>();
        for (long e : extremes) {
            v.add(e);
        }
        for (int i = 0; i < 2000; i++) {
            long x = random.nextLong() >> random.nextInt(64);
            v.add(x);
        }
        return v;
    }

    @Test
    void integers() {
        check(DataTypes.BIGINT, longs(0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L));
        check(DataTypes.COUNTER, longs(0, Long.MAX_VALUE, Long.MIN_VALUE));
        List<Object> ints = new ArrayList<>(List.of(0, Integer.MAX_VALUE, Integer.MIN_VALUE, -1));
        List<Object> shorts = new ArrayList<>(List.of((short) 0, Short.MAX_VALUE, Short.MIN_VALUE));
        List<Object> bytes = new ArrayList<>(List.of((byte) 0, Byte.MAX_VALUE, Byte.MIN_VALUE));
        for (int i = 0; i < 1000; i++) {
            ints.add(random.nextInt() >> random.nextInt(32));
            shorts.add((short) random.nextInt());
            bytes.add((byte) random.nextInt());
        }
        check(DataTypes.INT, ints);
        check(DataTypes.SMALLINT, shorts);
        check(DataTypes.TINYINT, bytes);
    }

    @Test
    void floatingPoint() {
        List<Object> doubles = new ArrayList<>(List.of(0.0, -0.0, 0.1, 1.0E-20, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 123456789.0));
        List<Object> floats = new ArrayList<>(List.of(0f, -0f, 0.1f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE));
        for (int i = 0; i < 1000; i++) {
            doubles.add(Double.longBitsToDouble(random.nextLong()));
            floats.add(Float.intBitsToFloat(random.nextInt()));
        }
        check(DataTypes.DOUBLE, doubles);
        check(DataTypes.FLOAT, floats);
    }

    @Test
    void uuidsBooleansAndBlobs() {
        List<Object> uuids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), UUID.fromString("00000000-0000-1000-8000-000000000001")));
        List<Object> blobs = new ArrayList<>(List.of(ByteBuffer.allocate(0), ByteBuffer.wrap(new byte[]{0, (byte) 0xff, 0x7f})));
        for (int i = 0; i < 1000; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()));
            byte[] b = new byte[random.nextInt(40)];
            random.nextBytes(b);
            blobs.add(ByteBuffer.wrap(b));
        }
        check(DataTypes.UUID, uuids);
        check(DataTypes.TIMEUUID, List.of(UUID.fromString("8b2a6f9e-7d0e-11ee-b962-0242ac120002")));
        check(DataTypes.BOOLEAN, List.of(true, false));
        check(DataTypes.BLOB, blobs);
    }

    @Test
    void timestampsDatesAndTimes() {
        List<Object> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochMilli(-1), Instant.ofEpochMilli(1),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("-0001-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochMilli(Long.MAX_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE), Instant.parse("2024-02-29T12:00:00.007Z")));
        List<Object> dates = new ArrayList<>(List.of(LocalDate.of(1970, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31),
                LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(2024, 2, 29),
                LocalDate.ofEpochDay(Integer.MIN_VALUE), LocalDate.ofEpochDay(Integer.MAX_VALUE)));
        List<Object> times = new ArrayList<>(List.of(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(13, 45, 0, 1)));
        for (int i = 0; i < 2000; i++) {
            instants.add(Instant.ofEpochMilli(random.nextLong() >> random.nextInt(30)));
            dates.add(LocalDate.ofEpochDay(random.nextInt(6_000_000) - 3_000_000));
            times.add(LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L)));
        }
        // The same day many times: the cached date must follow a change of day.
        for (int i = 0; i < 50; i++) {
            instants.add(Instant.parse("2026-12-03T00:00:00Z").plusMillis(random.nextInt(3 * 86_400_000)));
        }
        check(DataTypes.TIMESTAMP, instants);
        check(DataTypes.DATE, dates);
        check(DataTypes.TIME, times);
    }

    @Test
    void textIsItsOwnUtf8Bytes() {
        check(DataTypes.TEXT, List.of("", "plain", "Näme Ü", "日本語", "emoji 😀", "quote \" and , and \r\n"));
        check(DataTypes.ASCII, List.of("", "ascii only"));
    }

    @Test
    void emptyValuesOfNumbersAreNullLikeTheDriverReadsThem() {
        ByteBuffer empty = ByteBuffer.allocate(0);
        assertThat(WireText.isNull(DataTypes.INT.getProtocolCode(), empty)).isTrue();
        assertThat(CodecRegistry.DEFAULT.codecFor(DataTypes.INT).decode(empty, ProtocolVersion.DEFAULT)).isNull();
        assertThat(WireText.isNull(DataTypes.TIMESTAMP.getProtocolCode(), empty)).isTrue();
        assertThat(WireText.isNull(DataTypes.TEXT.getProtocolCode(), empty)).as("an empty text is text").isFalse();
        assertThat(WireText.isNull(DataTypes.BLOB.getProtocolCode(), empty)).as("an empty blob is a blob").isFalse();
        assertThat(WireText.isNull(DataTypes.TEXT.getProtocolCode(), null)).isTrue();
    }
}
