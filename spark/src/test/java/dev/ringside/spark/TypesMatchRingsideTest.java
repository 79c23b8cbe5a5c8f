package dev.ringside.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.SharedSandbox;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type fixture exported by the Spark job and by Ringside's own export (the app's jar, in a process of its own),
 * in each format, read back by DuckDB (JSON Lines by Jackson, numbers exact) and compared value by value. The one
 * documented difference that shows in values: Parquet {@code time} is INT64 nanoseconds of the day, not TIME(NANOS)
 * (uuid as text reads back as the same text; README, "Type mapping differences").
 */
@ExtendWith(SparkTestCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypesMatchRingsideTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private SharedSandbox sandbox;
    private SparkSession spark;
    private Path password;
    @TempDir
    Path dir;

    @BeforeAll
    void createTables(SharedSandbox sandbox, SparkSession spark) throws Exception {
        this.sandbox = sandbox;
        this.spark = spark;
        sandbox.recreateKeyspace("types", 1);
        new TypeFixture(sandbox.session()).create();
        password = Files.createTempFile("ringside-password", ".txt");
        Files.writeString(password, SandboxSettings.PASSWORD + "\n");
    }

    static Stream<Arguments> cases() {
        return Stream.of(OutputFormat.values()).flatMap(f -> Stream.of(Arguments.of(f, "everything"), Arguments.of(f, "counters")));
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("cases")
    void sparkWritesRingsidesValues(OutputFormat format, String table) throws Exception {
        Path sparkOut = dir.resolve(table + "-spark-" + format.cliName());
        new ExportJob(spark, RowsTap.none()).run(SparkTestCluster.read(sandbox, "types", table, 16),
                OutputRequest.of(sparkOut.toUri().toString(), format));
        Path ringsideOut = dir.resolve(table + "-ringside." + format.cliName());
        ringsideExport(table, format, ringsideOut);

        Map<String, Map<String, String>> ringside = read(format, ringsideOut.toString(), table);
        Map<String, Map<String, String>> fromSpark = read(format, Duck.parts(sparkOut, extension(format)), table);
        assertThat(fromSpark.keySet()).as("rows, by primary key").containsExactlyElementsOf(ringside.keySet());
        assertThat(ringside.size()).isGreaterThan(TypeFixture.RANDOM_ROWS / 2);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> row : ringside.entrySet()) {
            Map<String, String> other = fromSpark.get(row.getKey());
            assertThat(other.keySet()).as("columns, in order").containsExactlyElementsOf(row.getValue().keySet());
            for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
                String want = cell.getValue();
                String got = other.get(cell.getKey());
                if (format == OutputFormat.PARQUET && cell.getKey().equals("a_time") && want != null) {
                    // TIME(NANOS) as DuckDB reads it (to the microsecond) against Spark's INT64 nanoseconds.
                    want = Long.toString(LocalTime.parse(JSON.readTree(want).asText()).toNanoOfDay() / 1000);
                    got = got == null ? null : Long.toString(Long.parseLong(got) / 1000);
                }
                if (!java.util.Objects.equals(want, got)) {
                    differences.add("row " + row.getKey() + " column " + cell.getKey() + ": Ringside " + want + ", Spark " + got);
                }
            }
        }
        assertThat(differences).as("values that differ").isEmpty();
    }

    private static String extension(OutputFormat format) {
        return switch (format) {
            case PARQUET -> ".parquet";
            case CSV -> ".csv";
            case JSONL -> ".txt";
        };
    }

    /** Rows by key, each column's value as text: DuckDB's JSON of a Parquet value, a CSV cell, or a JSON value. */
    private static Map<String, Map<String, String>> read(OutputFormat format, String files, String table) throws Exception {
        return switch (format) {
            case PARQUET -> duck("SELECT * FROM read_parquet('" + files + "')", table, true);
            case CSV -> duck("SELECT * FROM read_csv('" + files + "', header = true, all_varchar = true, allow_quoted_nulls = false)", table, false);
            case JSONL -> json(files, table);
        };
    }

    private static Map<String, Map<String, String>> duck(String select, String table, boolean toJson) throws Exception {
        List<List<String>> names = Duck.rows("SELECT column_name FROM (DESCRIBE " + select + ")");
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < names.size(); i++) {
            String quoted = "\"" + names.get(i).get(0).replace("\"", "\"\"") + "\"";
            sql.append(i == 0 ? "" : ", ").append(toJson ? "CAST(to_json(" + quoted + ") AS VARCHAR)" : quoted);
        }
        sql.append(" FROM (").append(select).append(")");
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (List<String> r : Duck.rows(sql.toString())) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i).get(0), r.get(i));
            }
            assertThat(rows.put(key(table, row), row)).as("duplicate row").isNull();
        }
        return rows;
    }

    private static Map<String, Map<String, String>> json(String files, String table) throws Exception {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (List<String> line : Duck.rows("SELECT CAST(json AS VARCHAR) FROM read_json_objects('" + files + "', format = 'newline_delimited')")) {
            ObjectNode object = (ObjectNode) JSON.readTree(line.get(0));
            Map<String, String> row = new java.util.LinkedHashMap<>();
            object.fields().forEachRemaining(e -> row.put(e.getKey(), canonical(e.getValue())));
            assertThat(rows.put(key(table, row), row)).as("duplicate row").isNull();
        }
        return rows;
    }

    /** Exact JSON text: numbers keep every digit (BigDecimal, BigInteger), objects their field order. */
    private static String canonical(JsonNode node) {
        return node.isNull() ? null : node.toString();
    }

    private static String key(String table, Map<String, String> row) {
        String id = strip(row.get("id"));
        return table.equals("counters") ? id : id + "/" + strip(row.get("ck"));
    }

    private static String strip(String value) {
        return value == null ? "null" : value.replace("\"", "");
    }

    /** Ringside's own export of the table, by its command line (the app's jar, built before this module). */
    private void ringsideExport(String table, OutputFormat format, Path out) throws Exception {
        String jar = System.getProperty("ringside.jar", "../app/target/ringside.jar");
        assertThat(Path.of(jar)).as("the app's jar (build the app module first)").exists();
        Path log = dir.resolve("ringside-" + table + "-" + format.cliName() + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dringside.log.dir=" + dir.resolve("ringside-logs"), "-jar", jar, "export",
                "--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file", password.toString(),
                "-k", "types", "-t", table, "-f", format.cliName(), "--splits", "16", "-q", "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("Ringside's export ends").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }
}
