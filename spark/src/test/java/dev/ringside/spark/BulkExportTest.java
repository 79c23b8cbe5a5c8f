package dev.ringside.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SharedSandbox;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 random rows exported by the Spark job in each format, read back by DuckDB and compared with what was
 * written to the table: the count, the distinct keys and every value. Counts on an empty table, one row and the
 * 200,000; an export whose task fails in its first attempt; the job's command line.
 */
@ExtendWith(SparkTestCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkExportTest {

    static final int ROWS = 200_000;
    private static final String[] TEXTS = {"plain", "", "comma, inside", "quote \" inside", "line\nbreak\r\n", "ünïcødé ✓ 日本",
            "NULL", "  spaced  ", "tab\tx"};

    /** The table's rows by key "id/ck", as they were written. */
    private final Map<String, Expected> expected = new HashMap<>();
    private SharedSandbox sandbox;
    private SparkSession spark;
    @TempDir
    Path dir;

    record Expected(int id, int ck, String name, Long amount, Double score) {
        String key() {
            return id + "/" + ck;
        }
    }

    @BeforeAll
    void fill(SharedSandbox sandbox, SparkSession spark) throws Exception {
        this.sandbox = sandbox;
        this.spark = spark;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("bulk", 1);
        session.execute("CREATE TABLE bulk.rows (id int, ck int, name text, amount bigint, score double, PRIMARY KEY ((id), ck))");
        session.execute("CREATE TABLE bulk.empty (id int PRIMARY KEY, v text)");
        session.execute("CREATE TABLE bulk.one (id int PRIMARY KEY, v text)");
        session.checkSchemaAgreement();
        session.execute("INSERT INTO bulk.one (id, v) VALUES (1, 'only')");
        Random random = new Random(14);
        Expected[] rows = new Expected[ROWS];
        for (int i = 0; i < ROWS; i++) {
            String name = random.nextInt(50) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)] + (i % 3 == 0 ? "" : i);
            Long amount = random.nextInt(40) == 0 ? null : random.nextLong();
            Double score = random.nextInt(40) == 0 ? null : random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            // An odd multiplier is a bijection on int: distinct keys, spread over the ring.
            rows[i] = new Expected((i / 4) * 0x9E3779B1, i % 4, name, amount, score);
            expected.put(rows[i].key(), rows[i]);
        }
        PreparedStatement insert = session.prepare("INSERT INTO bulk.rows (id, ck, name, amount, score) VALUES (?, ?, ?, ?, ?)");
        Inserts.run(session, ROWS, i -> {
            Expected r = rows[(int) i];
            return insert.bind(r.id(), r.ck(), r.name(), r.amount(), r.score());
        });
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void exportEqualsTheTable(OutputFormat format) throws Exception {
        Path out = dir.resolve("rows-" + format.cliName());
        ExportSummary summary = new ExportJob(spark, RowsTap.none()).run(SparkTestCluster.read(sandbox, "bulk", "rows", 24),
                OutputRequest.of(out.toUri().toString(), format));
        assertThat(summary.splits()).isGreaterThanOrEqualTo(16);
        assertThat(Files.exists(out.resolve("_SUCCESS"))).isTrue();
        assertEqualsTheTable(out, format);
    }

    @Test
    void aTaskThatFailsInItsFirstAttemptLeavesNoTrace() throws Exception {
        Path out = dir.resolve("rows-retried");
        FailFirstAttempt.FAILURES.set(0);
        new ExportJob(spark, new FailFirstAttempt()).run(SparkTestCluster.read(sandbox, "bulk", "rows", 8),
                OutputRequest.of(out.toUri().toString(), OutputFormat.PARQUET));
        assertThat(FailFirstAttempt.FAILURES.get()).as("task attempts that failed").isEqualTo(1);
        assertEqualsTheTable(out, OutputFormat.PARQUET);
    }

    @Test
    void countIsExact() {
        CountJob count = new CountJob(spark);
        assertThat(count.run(SparkTestCluster.read(sandbox, "bulk", "empty", null))).isZero();
        assertThat(count.run(SparkTestCluster.read(sandbox, "bulk", "one", null))).isEqualTo(1);
        assertThat(count.run(SparkTestCluster.read(sandbox, "bulk", "rows", 64))).isEqualTo(ROWS);
        assertThat(count.run(SparkTestCluster.read(sandbox, "bulk", "rows", null))).isEqualTo(ROWS);
    }

    @Test
    void theCommandLineCountsAndExports() throws Exception {
        Path password = dir.resolve("password.txt");
        Files.writeString(password, dev.ringside.sandbox.SandboxSettings.PASSWORD + "\n");
        List<String> connection = List.of("--host", sandbox.host(), "--user", dev.ringside.sandbox.SandboxSettings.USER,
                "--password-file", password.toString());
        Result count = run("count", "-k", "bulk", "-t", "rows", "--splits", "32", connection);
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(count.out().strip()).isEqualTo(Integer.toString(ROWS));

        Path out = dir.resolve("cli-jsonl");
        Result export = run("export", "-k", "bulk", "-t", "rows", "-f", "jsonl", "--parallelism", "3", "--out", out.toString(), connection);
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported " + ROWS + " rows");
        assertEqualsTheTable(out, OutputFormat.JSONL);
        try (Stream<Path> files = Files.list(out)) {
            // One file per write task at most: --parallelism 3 coalesced the splits into at most 3 tasks.
            List<String> parts = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("part-")).toList();
            assertThat(parts).as("part files").hasSizeBetween(1, 3);
        }
        assertThat(export.out()).contains("in 3 tasks");

        Result again = run("export", "-k", "bulk", "-t", "rows", "-f", "jsonl", "--out", out.toString(), connection);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists: add --overwrite").doesNotContain("\tat ");
    }

    /**
     * What {@code ringside spark-command} prints is a job this module runs: its arguments after the jar, given to the
     * job as spark-submit would, count and export the table.
     */
    @Test
    void theLineThatSparkCommandPrintsRuns() throws Exception {
        Path password = dir.resolve("password-for-the-line.txt");
        Files.writeString(password, dev.ringside.sandbox.SandboxSettings.PASSWORD + "\n");
        List<String> connection = List.of("--host", sandbox.host(), "--user", dev.ringside.sandbox.SandboxSettings.USER,
                "--password-file", password.toString());

        Result count = runJobOf(printed("count", "-k", "bulk", "-t", "rows", "--splits", "16", connection));
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(count.out().strip()).isEqualTo(Integer.toString(ROWS));

        Path out = dir.resolve("line-csv");
        Result export = runJobOf(printed("export", "-k", "bulk", "-t", "rows", "--splits", "16", "--parallelism", "2",
                "-f", "csv", "--columns", "id,ck,NAME,amount,score", "-o", out.toString(), connection));
        assertThat(export.code()).as(export.err()).isZero();
        assertEqualsTheTable(out, OutputFormat.CSV);
    }

    /** The line {@code ringside spark-command} prints for these options. */
    private static String printed(String command, Object... args) {
        List<String> all = new java.util.ArrayList<>(List.of("spark-command", command));
        for (Object a : args) {
            if (a instanceof List<?> list) {
                list.forEach(x -> all.add(x.toString()));
            } else {
                all.add(a.toString());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.ringside.cli.RingsideCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return out.toString().strip();
    }

    /** Runs the job of a printed spark-submit line here: its words after the job's jar. */
    private static Result runJobOf(String line) {
        List<String> words = dev.ringside.testing.PosixWords.split(line);
        assertThat(words).startsWith("spark-submit").contains("--class", "dev.ringside.spark.RingsideJob");
        int jar = words.indexOf("dev.ringside.spark.RingsideJob") + 1;
        List<Object> jobArgs = List.copyOf(words.subList(jar + 2, words.size()));
        return run(words.get(jar + 1), jobArgs.toArray());
    }

    @Test
    void badInputIsSaidWithoutAStackTrace() {
        List<String> connection = List.of("--host", sandbox.host(), "--user", "ringside", "--password-file", "/nonexistent/pw");
        Result noFile = run("count", "-k", "bulk", "-t", "rows", connection);
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("--password-file /nonexistent/pw does not exist").doesNotContain("\tat ");

        Result format = run("export", "-k", "bulk", "-t", "rows", "-f", "xml", "--out", dir.resolve("x").toString(), List.of("--host", sandbox.host()));
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format must be parquet, csv or jsonl");

        Result splits = run("count", "-k", "bulk", "-t", "rows", "--splits", "0", List.of("--host", sandbox.host()));
        assertThat(splits.code()).isEqualTo(2);
        assertThat(splits.err()).contains("--splits must be between 1 and 100000");
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(String command, Object... args) {
        List<String> all = new java.util.ArrayList<>();
        all.add(command);
        for (Object a : args) {
            if (a instanceof List<?> list) {
                list.forEach(x -> all.add(x.toString()));
            } else {
                all.add(a.toString());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RingsideJob.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private void assertEqualsTheTable(Path out, OutputFormat format) throws Exception {
        String cast = "CAST(id AS VARCHAR), CAST(ck AS VARCHAR), name, CAST(amount AS VARCHAR), CAST(score AS VARCHAR)";
        String from = switch (format) {
            case PARQUET -> "read_parquet('" + Duck.parts(out, ".parquet") + "')";
            case CSV -> "read_csv('" + Duck.parts(out, ".csv") + "', header = true, all_varchar = true, allow_quoted_nulls = false)";
            case JSONL -> "read_json('" + Duck.parts(out, ".txt") + "', format = 'newline_delimited', "
                    + "columns = {id: 'INTEGER', ck: 'INTEGER', name: 'VARCHAR', amount: 'BIGINT', score: 'DOUBLE'})";
        };
        assertThat(Duck.single("SELECT count(*) FROM " + from)).as("rows").isEqualTo(ROWS);
        assertThat(Duck.single("SELECT count(DISTINCT (id, ck)) FROM " + from)).as("distinct keys").isEqualTo(ROWS);
        Map<String, Expected> actual = new HashMap<>();
        for (List<String> r : Duck.rows("SELECT " + cast + " FROM " + from)) {
            Expected e = new Expected(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1)), r.get(2),
                    r.get(3) == null ? null : Long.valueOf(r.get(3)), r.get(4) == null ? null : Double.valueOf(r.get(4)));
            actual.put(e.key(), e);
        }
        int differences = 0;
        StringBuilder first = new StringBuilder();
        for (Expected want : expected.values()) {
            Expected got = actual.get(want.key());
            if (!want.equals(got)) {
                if (differences++ < 5) {
                    first.append("\n table ").append(want).append("\n file  ").append(got);
                }
            }
        }
        assertThat(differences).as("rows that differ:" + first).isZero();
    }

    /** Fails the first attempt of the second partition after 1,000 of its rows, mid-file; every retry goes through. */
    static final class FailFirstAttempt implements RowsTap {
        static final AtomicInteger FAILURES = new AtomicInteger();

        @Override
        public JavaRDD<Row> apply(JavaRDD<Row> rows) {
            return rows.mapPartitionsWithIndex((partition, it) -> {
                TaskContext task = TaskContext.get();
                if (partition != 1 || task.attemptNumber() > 0) {
                    return it;
                }
                return new Iterator<Row>() {
                    int seen;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Row next() {
                        if (++seen == 1_000) {
                            FAILURES.incrementAndGet();
                            throw new IllegalStateException("injected failure in attempt 0 of partition 1");
                        }
                        return it.next();
                    }
                };
            }, true);
        }
    }
}
