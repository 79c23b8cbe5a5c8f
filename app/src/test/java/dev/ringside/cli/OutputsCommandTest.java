package dev.ringside.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SecretFiles;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs analysts open directly, as a user runs them: a byte order mark, standard output, compressed JSON
 * Lines, write times and TTLs, a row limit, a sample, numbered files. Each is read back by DuckDB.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputsCommandTest {

    /** The sample is checked on this many rows; README states the tolerance below. */
    private static final int SAMPLE_ROWS = 200_000;
    private static final long WRITE_TIME = 1_700_000_000_000_000L;

    private SharedSandbox sandbox;
    private Path passwordFile;
    private List<String> expected;
    @TempDir
    Path dir;

    @BeforeAll
    void setUp(SharedSandbox sandbox, @TempDir Path tmp) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("cliout", 1);
        session.execute("CREATE TABLE cliout.t (id uuid PRIMARY KEY, n bigint, t text, d double, ts timestamp)");
        session.execute("CREATE TABLE cliout.big (id int PRIMARY KEY, v int)");
        session.execute("CREATE TABLE cliout.times (id int, c int, v text, l list<int>, s set<text>, m map<text, int>, "
                + "fl frozen<list<int>>, PRIMARY KEY (id, c))");
        session.checkSchemaAgreement();
        dev.ringside.engine.export.ExportEngineTestAccess.fill(session, "cliout.t", 5_000);
        expected = ExportChecks.tableRows(session, "cliout.t");
        var insert = session.prepare("INSERT INTO cliout.big (id, v) VALUES (?, ?)");
        Inserts.run(session, SAMPLE_ROWS, i -> insert.bind((int) i, (int) (i % 7)));
        for (int i = 0; i < 50; i++) {
            session.execute("INSERT INTO cliout.times (id, c, v, l, s, m, fl) VALUES (" + i + ", 1, 'v" + i + "', [1, 2, " + i
                    + "], {'a', 'b'}, {'k': " + i + "}, [" + i + "]) USING TIMESTAMP " + (WRITE_TIME + i) + " AND TTL 86400");
        }
        session.execute("INSERT INTO cliout.times (id, c) VALUES (99, 1)"); // no value: null write time and TTL
        passwordFile = SecretFiles.write(tmp.resolve("password"), SandboxSettings.PASSWORD);
    }

    private String[] args(String table, String... extra) {
        List<String> a = new ArrayList<>(List.of("export", "--host", sandbox.host(), "--user", SandboxSettings.USER,
                "--password-file", passwordFile.toString(), "--keyspace", "cliout", "--table", table, "--quiet"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void aByteOrderMarkStartsTheCsvAndDuckDbStillReadsEveryRow() throws Exception {
        Path out = dir.resolve("bom.csv");
        CliRun run = CliRun.of(args("t", "--out", out.toString(), "--bom"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] start = Arrays.copyOf(Files.readAllBytes(out), 6);
        assertThat(start).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) '"', (byte) 'i', (byte) 'd');
        ExportChecks.assertSameRows("rows with a BOM", ExportChecks.fileRows(ExportChecks.Format.CSV, List.of(out)), expected);

        Path plain = dir.resolve("nobom.csv");
        assertThat(CliRun.of(args("t", "--out", plain.toString())).exitCode()).isZero();
        assertThat(Files.readAllBytes(plain)[0]).as("no BOM unless asked").isEqualTo((byte) '"');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "zstd"})
    void jsonLinesCompressedAreReadBackByDuckDb(String codec) throws Exception {
        Path out = dir.resolve("t.jsonl" + (codec.equals("gzip") ? ".gz" : ".zst"));
        CliRun run = CliRun.of(args("t", "--out", out.toString(), "--compression", codec, "--files", "1", "--splits", "32"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] magic = Arrays.copyOf(Files.readAllBytes(out), 4);
        if (codec.equals("gzip")) {
            assertThat(magic).startsWith((byte) 0x1f, (byte) 0x8b);
        } else {
            assertThat(magic).startsWith((byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd);
        }
        ExportChecks.assertSameRows("compressed JSON Lines", ExportChecks.fileRows(ExportChecks.Format.JSONL, List.of(out)), expected);

        // The name alone says the codec, too.
        Path byName = dir.resolve("byname.jsonl" + (codec.equals("gzip") ? ".gz" : ".zst"));
        assertThat(CliRun.of(args("t", "--out", byName.toString())).exitCode()).isZero();
        assertThat(Arrays.copyOf(Files.readAllBytes(byName), 2)).isEqualTo(Arrays.copyOf(magic, 2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "jsonl"})
    void standardOutputCarriesOnlyTheRows(String format) throws Exception {
        Path stdout = dir.resolve("stdout-" + format);
        Path stderr = dir.resolve("stderr-" + format);
        ConnectionSettings settings = sandbox.connectionSettings();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dringside.log.dir=" + dir.resolve("logs"), "-cp", System.getProperty("java.class.path"), "dev.ringside.Main",
                "export", "--host", String.join(",", settings.contactPoints()), "--user", settings.username(),
                "--password-file", passwordFile.toString(), "-k", "cliout", "-t", "t", "--out", "-", "--format", format));
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("the export ends").isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isZero();
        assertThat(err).contains("Exported 5,000 rows of cliout.t to standard output");
        // What a pipe gets, read as the format it is: DuckDB finds every row, and nothing else.
        Path asFile = dir.resolve("piped." + format);
        Files.copy(stdout, asFile);
        ExportChecks.assertSameRows("piped rows", ExportChecks.fileRows(
                format.equals("csv") ? ExportChecks.Format.CSV : ExportChecks.Format.JSONL, List.of(asFile)), expected);
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("-")).toList())
                .as("no file named '-'").isEmpty();
    }

    @Test
    void writeTimesAndTtlsAreWhatTheServerReturnsInEveryFormat() throws Exception {
        String columns = "id,c,writetime(v),ttl(v),writetime(l),ttl(m),writetime(fl)";
        Map<String, String> fromDriver = new HashMap<>();
        for (Row r : sandbox.session().execute("SELECT id, writetime(v), ttl(v), writetime(l), writetime(fl) FROM cliout.times")) {
            fromDriver.put(String.valueOf(r.getInt(0)), r.isNull(1) ? "null" : r.getLong(1) + " " + (r.isNull(3) ? "null"
                    : r.getList(3, Long.class).toString().replace(" ", "")) + " " + r.getLong(4));
        }
        assertThat(fromDriver.get("3")).isEqualTo((WRITE_TIME + 3) + " [" + (WRITE_TIME + 3) + "," + (WRITE_TIME + 3) + ","
                + (WRITE_TIME + 3) + "] " + (WRITE_TIME + 3));
        for (String format : List.of("csv", "jsonl", "parquet")) {
            Path out = dir.resolve("times." + format);
            CliRun run = CliRun.of(args("times", "--out", out.toString(), "--columns", columns));
            assertThat(run.exitCode()).as(run.err()).isZero();
            String read = switch (format) {
                case "csv" -> "read_csv('" + out + "', header = true, all_varchar = true)";
                case "jsonl" -> "read_json('" + out + "', format = 'newline_delimited')";
                default -> "read_parquet('" + out + "')";
            };
            Map<String, String> fromFile = new HashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT CAST(id AS VARCHAR), CAST(\"writetime(v)\" AS VARCHAR), "
                         + "CAST(\"ttl(v)\" AS VARCHAR), CAST(\"writetime(l)\" AS VARCHAR), CAST(\"ttl(m)\" AS VARCHAR), "
                         + "CAST(\"writetime(fl)\" AS VARCHAR) FROM " + read)) {
                while (rs.next()) {
                    String wt = rs.getString(2);
                    fromFile.put(rs.getString(1), wt == null ? "null" : wt + " " + (rs.getString(4) == null ? "null"
                            : rs.getString(4).replace(" ", "").replace("\"", "")) + " " + rs.getString(6));
                    if (wt != null) {
                        assertThat(Long.parseLong(rs.getString(3))).as(format + " ttl(v)").isBetween(1L, 86_400L);
                        assertThat(rs.getString(5)).as(format + " ttl(m): one per map entry").matches("\\[\"?[0-9]+\"?\\]");
                    } else {
                        assertThat(rs.getString(3)).as(format + " ttl of no value").isNull();
                    }
                }
            }
            assertThat(fromFile).as(format).isEqualTo(fromDriver);
        }

        CliRun key = CliRun.of(args("times", "--out", dir.resolve("key.csv").toString(), "--columns", "id,writetime(c)"));
        assertThat(key.exitCode()).isEqualTo(2);
        assertThat(key.err()).contains("writetime(c) is not possible: c is part of the primary key");
    }

    @Test
    void aLimitWritesExactlyThatManyRowsAndSaysSo() throws Exception {
        Path out = dir.resolve("limit.csv");
        CliRun run = CliRun.of(args("t", "--out", out.toString(), "--limit", "777", "--files", "2", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("rows").asLong()).isEqualTo(777);
        assertThat(json.get("limit").asLong()).isEqualTo(777);
        List<Path> files = new ArrayList<>();
        json.get("files").forEach(f -> files.add(Path.of(f.asText())));
        List<String> rows = ExportChecks.fileRows(ExportChecks.Format.CSV, files);
        assertThat(rows).hasSize(777).doesNotHaveDuplicates();
        assertThat(new HashSet<>(expected)).containsAll(rows);
    }

    @Test
    void aSampleIsAboutTheFractionAskedAndLabelledAsOne() throws Exception {
        Path out = dir.resolve("sample.parquet");
        CliRun run = CliRun.of(args("big", "--out", out.toString(), "--sample", "0.1", "--seed", "7", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode sample = json.get("sample");
        assertThat(sample.get("fraction").asDouble()).isEqualTo(0.1);
        assertThat(sample.get("seed").asLong()).isEqualTo(7);
        long rows = json.get("rows").asLong();
        // The tolerance README states: within 10 % of the asked share of the rows (here 18,000 to 22,000 of 200,000).
        assertThat(rows).isBetween((long) (SAMPLE_ROWS * 0.09), (long) (SAMPLE_ROWS * 0.11));
        assertThat(sample.get("tokenShare").asDouble()).isBetween(0.09, 0.11);
        assertThat(ExportChecks.duckCount("SELECT count(DISTINCT id) FROM read_parquet('" + out + "')")).isEqualTo(rows);

        Path text = dir.resolve("sample.csv");
        CliRun summary = CliRun.of(args("big", "--out", text.toString(), "--sample", "0.1", "--seed", "7"));
        assertThat(summary.out()).contains("Exported " + String.format(java.util.Locale.ROOT, "%,d", rows) + " rows")
                .contains("a SAMPLE: ").contains("--seed 7");
        assertThat(ExportChecks.duckCount("SELECT count(*) FROM read_csv('" + text + "', header = true) WHERE id IN "
                + "(SELECT id FROM read_parquet('" + out + "'))")).as("the same seed, the same rows").isEqualTo(rows);
    }

    @Test
    void maxRowsPerFileNumbersTheFilesFromOne() throws Exception {
        Path out = dir.resolve("excel.csv");
        CliRun run = CliRun.of(args("t", "--out", out.toString(), "--max-rows-per-file", "1000", "--bom", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<Path> files = new ArrayList<>();
        json.get("files").forEach(f -> files.add(Path.of(f.asText())));
        assertThat(files).hasSize(6); // 5,000 rows, 999 a file under its header
        for (int i = 0; i < files.size(); i++) {
            assertThat(files.get(i).getFileName().toString()).isEqualTo(String.format("excel-%05d.csv", i + 1));
            assertThat(Arrays.copyOf(Files.readAllBytes(files.get(i)), 3)).as("a BOM in every file")
                    .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        assertThat(out).doesNotExist();
        ExportChecks.assertSameRows("rolled rows", ExportChecks.fileRows(ExportChecks.Format.CSV, files), expected);

        CliRun again = CliRun.of(args("t", "--out", out.toString(), "--max-rows-per-file", "1000"));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("excel-00001.csv already exists").contains("--overwrite");
        CliRun fewer = CliRun.of(args("t", "--out", out.toString(), "--max-rows-per-file", "excel", "--overwrite"));
        assertThat(fewer.exitCode()).as(fewer.err()).isZero();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("excel-")).toList())
                .as("replacing removes the old series").containsExactly(dir.resolve("excel-00001.csv"));
    }
}
