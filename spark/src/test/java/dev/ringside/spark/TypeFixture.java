package dev.ringside.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import dev.ringside.testing.Inserts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The app's type fixture (sink/CqlTypesExportTest): every CQL type Cassandra 5.0 has, at its extremes, nested, null
 * and empty, in {@code types.everything}, and counters in {@code types.counters}. Kept in step with that test by hand.
 */
final class TypeFixture {

    static final int RANDOM_ROWS = 300;

    private final CqlSession session;

    TypeFixture(CqlSession session) {
        this.session = session;
    }

    void create() throws Exception {
        session.execute("CREATE TYPE types.address (street text, \"Zip\" int, lines frozen<list<text>>)");
        session.execute("CREATE TYPE types.person (name text, home frozen<address>, scores frozen<map<text, int>>)");
        session.execute("""
                CREATE TABLE types.everything (
                  id int, ck int, "Static Col" text static,
                  a_ascii ascii, a_bigint bigint, a_blob blob, a_boolean boolean, a_date date, a_decimal decimal,
                  a_double double, a_duration duration, a_float float, a_inet inet, a_int int, a_smallint smallint,
                  a_text text, a_time time, a_timestamp timestamp, a_timeuuid timeuuid, a_tinyint tinyint,
                  a_uuid uuid, a_varchar varchar, a_varint varint,
                  l_int list<int>, s_text set<text>, m_text_int map<text, int>, m_int_text map<int, text>,
                  f_list frozen<list<text>>, f_nested frozen<list<frozen<map<text, frozen<list<int>>>>>>,
                  m_sets map<text, frozen<set<bigint>>>, s_uuid set<uuid>,
                  u_addr address, u_person frozen<person>, tup tuple<int, text, double>, vec vector<float, 3>,
                  "MixedCase" int, "select" text,
                  PRIMARY KEY ((id), ck))""");
        session.execute("CREATE TABLE types.counters (id int PRIMARY KEY, hits counter, \"Other Hits\" counter)");
        session.checkSchemaAgreement();
        fill();
    }

    private void fill() throws Exception {
        UserDefinedType address = session.getMetadata().getKeyspace("types").flatMap(k -> k.getUserDefinedType("address")).orElseThrow();
        UserDefinedType person = session.getMetadata().getKeyspace("types").flatMap(k -> k.getUserDefinedType("person")).orElseThrow();
        TupleType tupleType = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.DOUBLE);
        PreparedStatement insert = session.prepare("""
                INSERT INTO types.everything (id, ck, "Static Col", a_ascii, a_bigint, a_blob, a_boolean, a_date,
                  a_decimal, a_double, a_duration, a_float, a_inet, a_int, a_smallint, a_text, a_time, a_timestamp,
                  a_timeuuid, a_tinyint, a_uuid, a_varchar, a_varint, l_int, s_text, m_text_int, m_int_text, f_list,
                  f_nested, m_sets, s_uuid, u_addr, u_person, tup, vec, "MixedCase", "select")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");

        // Extremes, by hand.
        session.execute(insert.bind(Integer.MIN_VALUE, Integer.MIN_VALUE, "", "", Long.MIN_VALUE, ByteBuffer.allocate(0), false,
                LocalDate.of(1, 1, 1), new BigDecimal("-123456789012345678901234567890.123456789012345678901234567890"),
                Double.NEGATIVE_INFINITY, CqlDuration.newInstance(-14, -3, -1), Float.NEGATIVE_INFINITY,
                InetAddress.getByName("::1"), Integer.MIN_VALUE, Short.MIN_VALUE, "", LocalTime.MIN,
                Instant.parse("1677-09-21T00:12:43.146Z"), Uuids.startOf(0), Byte.MIN_VALUE,
                new java.util.UUID(0, 0), "", new BigInteger("-" + "9".repeat(60)),
                List.of(Integer.MIN_VALUE, 0), new LinkedHashSet<>(List.of("", " ")), Map.of("", 0), Map.of(Integer.MIN_VALUE, ""),
                List.of(""), List.of(Map.of("", List.of())), Map.of("", new LinkedHashSet<>(List.of(Long.MIN_VALUE))),
                new LinkedHashSet<>(List.of(new java.util.UUID(0, 0))),
                address.newValue("", Integer.MIN_VALUE, List.of("")),
                person.newValue("", address.newValue(null, null, null), Map.of()),
                tupleType.newValue(Integer.MIN_VALUE, "", Double.MIN_VALUE), CqlVector.newInstance(-Float.MAX_VALUE, Float.MIN_VALUE, -0.0f),
                Integer.MIN_VALUE, ""));
        session.execute(insert.bind(Integer.MAX_VALUE, Integer.MAX_VALUE, "ünïcødé ✓ 日本 🚀", "~ascii~", Long.MAX_VALUE,
                ByteBuffer.wrap(new byte[]{0, 1, (byte) 0xff, 0x7f, (byte) 0x80}), true, LocalDate.of(9999, 12, 31),
                new BigDecimal("1E+50"), Double.NaN, CqlDuration.newInstance(1200, 31, 86_399_999_999_999L), Float.NaN,
                InetAddress.getByName("255.255.255.255"), Integer.MAX_VALUE, Short.MAX_VALUE,
                "quote \" comma , newline \n tab \t backslash \\ NULL", LocalTime.of(23, 59, 59, 999_999_999),
                Instant.parse("9999-12-31T23:59:59.999Z"), Uuids.endOf(4_102_444_800_000L), Byte.MAX_VALUE,
                new java.util.UUID(-1, -1), "日本語", new BigInteger("9".repeat(60)),
                List.of(Integer.MAX_VALUE), new LinkedHashSet<>(List.of("ü", "\"q\"", "a,b")), Map.of("ключ", Integer.MAX_VALUE),
                Map.of(Integer.MAX_VALUE, "日本"), List.of("x", "", "x"),
                List.of(Map.of("a", List.of(1, 2, 3), "b", List.of()), Map.of()),
                Map.of("big", new LinkedHashSet<>(List.of(Long.MAX_VALUE, 0L, -1L))),
                new LinkedHashSet<>(List.of(new java.util.UUID(-1, -1), java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))),
                address.newValue("Straße 1", Integer.MAX_VALUE, List.of("line 1", "line 2")),
                person.newValue("Zoë", address.newValue("x", 1, List.of()), Map.of("math", 99, "art", -1)),
                tupleType.newValue(Integer.MAX_VALUE, "t,u\"p", Double.MAX_VALUE), CqlVector.newInstance(Float.MAX_VALUE, 1.5f, 0.1f),
                Integer.MAX_VALUE, "select * from \"x\""));
        // Only the primary key: every other column null.
        session.execute("INSERT INTO types.everything (id, ck) VALUES (0, 0)");
        // A partition with only a static value (no clustering row).
        session.execute("INSERT INTO types.everything (id, \"Static Col\") VALUES (1, 'static only')");

        Random random = new Random(42);
        Inserts.run(session, RANDOM_ROWS, i -> {
            int id = 10 + (int) i / 3; // three rows per partition share the static column
            return insert.bind(id, (int) i, random.nextInt(4) == 0 ? null : "static " + id, "ascii " + i, random.nextLong(),
                    bytes(random), random.nextBoolean(), LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000),
                    new BigDecimal(new BigInteger(random.nextInt(200) + 1, random), random.nextInt(40) - 10),
                    random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20),
                    CqlDuration.newInstance(random.nextInt(100), random.nextInt(60), Math.abs(random.nextLong()) % 1_000_000_000_000L),
                    (float) (random.nextGaussian() * 1000), randomInet(random), random.nextInt(),
                    (short) random.nextInt(), text(random, i), LocalTime.ofNanoOfDay(Math.abs(random.nextLong()) % 86_400_000_000_000L),
                    Instant.ofEpochMilli(random.nextLong() % 8_000_000_000_000L), Uuids.timeBased(), (byte) random.nextInt(),
                    new java.util.UUID(random.nextLong(), random.nextLong()), text(random, i + 1),
                    new BigInteger(random.nextInt(300) + 1, random).negate(),
                    random.nextInt(5) == 0 ? null : List.of(random.nextInt(), random.nextInt(), 7),
                    new LinkedHashSet<>(List.of("s" + random.nextInt(10), "t" + i)),
                    Map.of("k" + i, random.nextInt(), "other", 0), Map.of(random.nextInt(), text(random, i)),
                    List.of(text(random, i), "b"), List.of(Map.of("k", List.of(random.nextInt(), 5))),
                    Map.of("s", new LinkedHashSet<>(List.of(random.nextLong(), 1L))),
                    new LinkedHashSet<>(List.of(new java.util.UUID(random.nextLong(), random.nextLong()))),
                    random.nextInt(6) == 0 ? null : address.newValue("street " + i, random.nextInt(99999), List.of("a", text(random, i))),
                    person.newValue("p" + i, address.newValue("h", (int) i, List.of()), Map.of("s", (int) i)),
                    tupleType.newValue((int) i, random.nextInt(7) == 0 ? null : "t" + i, random.nextDouble()),
                    CqlVector.newInstance(random.nextFloat(), (float) random.nextGaussian(), (float) i),
                    random.nextInt(), random.nextInt(9) == 0 ? null : "reserved " + i);
        });

        PreparedStatement count = session.prepare("UPDATE types.counters SET hits = hits + ?, \"Other Hits\" = \"Other Hits\" + ? WHERE id = ?");
        // A counter update sent twice counts twice: never retried.
        Inserts.run(session, 300, i -> count.bind(i * 1_000_000_007L - 150_000_000_000L, -i, (int) i).setIdempotent(false));
        session.execute("UPDATE types.counters SET hits = hits + 1 WHERE id = 1000"); // the other counter stays null
    }

    private static ByteBuffer bytes(Random random) {
        byte[] b = new byte[random.nextInt(40)];
        random.nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    private static InetAddress randomInet(Random random) {
        byte[] b = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(b);
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Random random, long i) {
        String[] texts = {"plain", "", "comma, inside", "quote \" inside", "line\nbreak\r\n", "ünïcødé ✓ 日本", "NULL", "  spaced  ", "tab\tx"};
        return texts[random.nextInt(texts.length)] + (i % 5 == 0 ? "" : Long.toString(i));
    }
}
