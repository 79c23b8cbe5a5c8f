package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.SinkOptions;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports of real tables, read back by DuckDB and compared row by row with the table. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportEngineTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportEngineTest.class);
    static final String COLUMNS = "(id uuid, n bigint, t text, d double, ts timestamp";
    private CqlSession session;
    private final java.util.Map<String, List<String>> expected = new java.util.concurrent.ConcurrentHashMap<>();
    @TempDir
    Path dir;

    @BeforeAll
    void createTables(SharedSandbox sandbox) throws Exception {
        session = sandbox.session();
        sandbox.recreateKeyspace("exp", 1);
        session.execute("CREATE TABLE exp.events " + COLUMNS + ", PRIMARY KEY (id))");
        session.execute("CREATE TABLE exp.empty " + COLUMNS + ", PRIMARY KEY (id))");
        session.execute("CREATE TABLE exp.one_row " + COLUMNS + ", PRIMARY KEY (id))");
        session.execute("CREATE TABLE exp.wide " + COLUMNS + ", PRIMARY KEY (n, id))");
        session.checkSchemaAgreement();
        long start = System.nanoTime();
        fill(session, "exp.events", 200_000, false);
        fill(session, "exp.one_row", 1, false);
        LOG.info("Loaded exp.events in {} ms", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        fill(session, "exp.wide", 100_000, true);
        LOG.info("Loaded exp.wide in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Random rows with nulls, empty strings, quotes, commas, newlines and unicode in the text. */
    static void fill(CqlSession session, String table, int rows, boolean onePartition) throws InterruptedException {
        PreparedStatement insert = session.prepare("INSERT INTO " + table + " (id, n, t, d, ts) VALUES (?, ?, ?, ?, ?)");
        Random random = new Random(table.hashCode());
        String[] texts = {"plain", "", "comma, inside", "quote \" inside", "line\nbreak", "ünïcødé ✓ 日本", "NULL", "  spaced  "};
        Inserts.run(session, rows, i -> {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Long n = onePartition ? Long.valueOf(7) : (random.nextInt(20) == 0 ? null : Long.valueOf(random.nextLong()));
            String t = random.nextInt(15) == 0 ? null : texts[random.nextInt(texts.length)] + i;
            if (i % 97 == 0) {
                t = "";
            }
            Double d = random.nextInt(20) == 0 ? null : random.nextGaussian() * 1e6;
            Instant ts = random.nextInt(20) == 0 ? null : Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
            return insert.bind(id, n, t, d, ts);
        });
    }

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (Format f : Format.values()) {
            for (String table : List.of("events", "empty", "one_row", "wide")) {
                list.add(Arguments.of(f, table));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("cases")
    void exportEqualsTheTable(Format format, String table) throws Exception {
        Path out = dir.resolve(table + "." + format.name().toLowerCase());
        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        ExportResult result = run(request("exp", table, format, out, 1, 0), progress::add);

        assertThat(result.complete()).as("complete").isTrue();
        assertThat(result.files()).containsExactly(out.toAbsolutePath());
        assertThat(out).exists();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().contains(".partial")
                || p.getFileName().toString().contains("checkpoint")).toList()).isEmpty();
        List<String> rows = expected(table);
        assertThat(result.rows()).isEqualTo(rows.size());
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(format, result.files()), rows);
        assertThat(result.bytes()).isEqualTo(Files.size(out));
        ProgressSnapshot last = progress.get(progress.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.rows()).isEqualTo(rows.size());
        assertThat(last.files()).isEqualTo(1);
    }

    @Test
    void severalGzipCsvFilesHoldEveryRowOnce() throws Exception {
        Path out = dir.resolve("multi.csv");
        ExportRequest request = request("exp", "events", Format.CSV, out, 3, 0);
        request = new ExportRequest(request.keyspace(), request.table(), List.of(), null, request.options(),
                new CsvOptions(true, ',', '"', null, "", true), out, 3, 2000, 0, false, false, Duration.ofMillis(100));
        ExportResult result = run(request, s -> { });
        assertThat(result.complete()).isTrue();
        assertThat(result.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("multi-00001.csv.gz", "multi-00002.csv.gz", "multi-00003.csv.gz");
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(Format.CSV, result.files()), expected("events"));
    }

    @Test
    void columnsAndFilterSelectWhatWasAskedFor() throws Exception {
        Path out = dir.resolve("wide-some.jsonl");
        ExportRequest base = request("exp", "wide", Format.JSONL, out, 1, 0);
        ExportRequest request = new ExportRequest("exp", "wide", List.of("ID", "t"), "id > 80000000-0000-0000-0000-000000000000 ALLOW FILTERING",
                base.options(), new JsonLinesOptions(), out, 1, 1000, 0, false, false, Duration.ofMillis(100));
        ExportResult result = run(request, s -> { });
        assertThat(result.complete()).isTrue();
        long expected = session.execute("SELECT count(*) FROM exp.wide WHERE n = 7 AND id > 80000000-0000-0000-0000-000000000000").one().getLong(0);
        assertThat(result.rows()).isEqualTo(expected);
        assertThat(Files.readAllLines(out).get(0)).startsWith("{\"id\":\"").contains("\"t\":").doesNotContain("\"n\"");
        assertThat(ExportChecks.duckCount("SELECT count(DISTINCT id) FROM read_json('" + out + "', format = 'newline_delimited')")).isEqualTo(expected);
    }

    @Test
    void cancelLeavesNoFinalFileAndResumeFinishesExactly() throws Exception {
        Path out = dir.resolve("cancelled.csv");
        ExportRequest request = request("exp", "events", Format.CSV, out, 1, 40_000);
        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        JobHandle<ExportResult> handle = new ExportEngine(session, new DefaultRowFileWriters()).start(request, progress::add);
        while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < 20_000) {
            Thread.sleep(50);
        }
        handle.cancel();
        ExportResult cancelled = handle.result().get();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.complete()).isFalse();
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("cancelled.csv.partial")).exists();
        assertThat(cancelled.checkpoint()).exists();

        ExportResult resumed = run(new ExportRequest("exp", "events", List.of(), null, request.options(), request.sink(), out,
                1, 5000, 0, true, false, Duration.ofMillis(100)), s -> { });
        assertThat(resumed.complete()).isTrue();
        assertThat(out).exists();
        assertThat(dir.resolve("cancelled.csv.partial")).doesNotExist();
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(Format.CSV, List.of(out)), expected("events"));
    }

    /** The table's rows, read once per table through the driver. */
    private List<String> expected(String table) {
        return expected.computeIfAbsent(table, t -> ExportChecks.tableRows(session, "exp." + t));
    }

    static ExportRequest request(String ks, String table, Format format, Path out, int files, long maxRowsPerSecond) {
        SinkOptions sink = switch (format) {
            case CSV -> CsvOptions.defaults();
            case PARQUET -> ParquetOptions.defaults();
            case JSONL -> new JsonLinesOptions();
        };
        return new ExportRequest(ks, table, List.of(), null, RangeJobOptions.defaults().withSplits(64), sink, out, files,
                maxRowsPerSecond > 0 ? 1000 : 5000, maxRowsPerSecond, false, false, Duration.ofMillis(100));
    }

    private ExportResult run(ExportRequest request, dev.ringside.engine.progress.ProgressListener listener) throws Exception {
        return new ExportEngine(session, new DefaultRowFileWriters()).start(request, listener).result().get();
    }
}
