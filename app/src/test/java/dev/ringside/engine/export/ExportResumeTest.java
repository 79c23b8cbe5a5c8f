package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.ExportColumn;
import dev.ringside.sink.RowFileWriter;
import dev.ringside.sink.RowFileWriters;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume and publication under damage: a missing or short {@code .partial} file, a rejected paging state, a failed
 * rename between several files, a full disk. Every case ends with a file DuckDB reads back equal to the table, or
 * with no file under the final name; never with fewer rows and success.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportResumeTest {

    private static final int ROWS = 40_000;
    private CqlSession session;
    private List<String> expected;
    @TempDir
    Path dir;

    @BeforeAll
    void createTable(SharedSandbox sandbox) throws Exception {
        session = sandbox.session();
        sandbox.recreateKeyspace("xr", 1);
        session.execute("CREATE TABLE xr.t " + ExportEngineTest.COLUMNS + ", PRIMARY KEY (id))");
        session.execute("CREATE TABLE xr.nulls (id int PRIMARY KEY, t text)");
        session.checkSchemaAgreement();
        fill("xr.t", ROWS);
        expected = ExportChecks.tableRows(session, "xr.t");
    }

    /** Loads rows; the inserts are idempotent (same seed, same rows), so a write timeout on a busy machine is retried. */
    private void fill(String table, int rows) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                ExportEngineTest.fill(session, table, rows, false);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
                LoggerFactory.getLogger(ExportResumeTest.class).info("Loading {} again after: {}", table, e.getCause());
            }
        }
    }

    enum Damage { DELETE, TRUNCATE }

    @ParameterizedTest(name = "{0}, partial file {1}")
    @CsvSource({"CSV, DELETE", "CSV, TRUNCATE", "PARQUET, DELETE", "PARQUET, TRUNCATE"})
    void resumeNeverTrustsAMissingOrShortPartialFile(Format format, Damage damage) throws Exception {
        Path out = dir.resolve("damaged-" + damage.name().toLowerCase() + "." + format.name().toLowerCase());
        ExportRequest request = throttled(format, out, 1);
        ExportResult cancelled = cancelMidway(request);
        assertThat(cancelled.cancelled()).isTrue();
        Path partial = dir.resolve(out.getFileName() + ".partial");
        assertThat(partial).exists();
        if (damage == Damage.DELETE) {
            Files.delete(partial);
        } else {
            try (FileChannel c = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                c.truncate(c.size() / 2);
            }
        }

        ExportResult resumed = run(request.withResume(true).withMaxRowsPerSecond(0), new DefaultRowFileWriters(), Publisher.ATOMIC_MOVE);
        assertThat(resumed.complete()).as(String.valueOf(resumed.error())).isTrue();
        assertThat(resumed.rows()).isEqualTo(ROWS);
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(format, List.of(out)), expected);
    }

    @Test
    void aRejectedPagingStateReReadsTheRangeFromItsStart() throws Exception {
        Path out = dir.resolve("paging.csv");
        ExportRequest request = throttled(Format.CSV, out, 1);
        ExportResult cancelled = cancelMidway(request);
        assertThat(cancelled.checkpoint()).exists();
        ObjectMapper json = new ObjectMapper();
        JsonNode checkpoint = json.readTree(cancelled.checkpoint().toFile());
        int spoiled = 0;
        for (JsonNode file : checkpoint.get("commits")) {
            for (JsonNode range : file.get("ranges")) {
                if (range.hasNonNull("pagingState")) {
                    ((ObjectNode) range).put("pagingState", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7}));
                    spoiled++;
                }
            }
        }
        assertThat(spoiled).as("ranges stopped mid-way").isPositive();
        json.writeValue(cancelled.checkpoint().toFile(), checkpoint);

        ExportResult resumed = run(request.withResume(true).withMaxRowsPerSecond(0), new DefaultRowFileWriters(), Publisher.ATOMIC_MOVE);
        assertThat(resumed.complete()).as(String.valueOf(resumed.failedRanges())).isTrue();
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, List.of(out)), expected);
    }

    @Test
    void publicationOfSeveralFilesIsAllOrNothing() throws Exception {
        for (boolean overwrite : new boolean[] {false, true}) {
            Path out = dir.resolve("published-" + overwrite + ".csv");
            ExportRequest request = ExportEngineTest.request("xr", "t", Format.CSV, out, 3, 0);
            AtomicInteger moves = new AtomicInteger();
            Publisher.FileMove secondFails = (source, target) -> {
                if (moves.incrementAndGet() == 2) {
                    throw new IOException("injected: cannot rename " + source.getFileName());
                }
                Publisher.ATOMIC_MOVE.move(source, target);
            };
            ExportResult failed = run(request, new DefaultRowFileWriters(), secondFails);
            assertThat(failed.complete()).isFalse();
            assertThat(failed.error()).contains("injected");
            OutputLayout layout = new OutputLayout(out, 3, request.sink());
            assertThat(layout.finalFiles()).as("nothing under a final name").noneMatch(Files::exists);
            assertThat(failed.checkpoint()).exists();

            ExportRequest again = overwrite ? request.withOverwrite(true) : request.withResume(true);
            ExportResult finished = run(again, new DefaultRowFileWriters(), Publisher.ATOMIC_MOVE);
            assertThat(finished.complete()).as(String.valueOf(finished.error())).isTrue();
            assertThat(finished.files()).containsExactlyElementsOf(layout.finalFiles());
            ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, finished.files()), expected);
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("published-" + overwrite) && !n.matches(".*-0000[123]\\.csv"))).isEmpty();
        }
    }

    @Test
    void aFullDiskFailsClearlyAndLeavesNoFinalFile() throws Exception {
        Path out = dir.resolve("full.csv");
        ExportRequest request = ExportEngineTest.request("xr", "t", Format.CSV, out, 1, 0);
        ExportResult failed = run(request, new DiskFillsUp(new DefaultRowFileWriters(), 10_000), Publisher.ATOMIC_MOVE);
        assertThat(failed.complete()).isFalse();
        assertThat(failed.error()).contains("No space left on device");
        assertThat(out).doesNotExist();
        assertThat(failed.checkpoint()).exists();

        ExportResult resumed = run(request.withResume(true), new DefaultRowFileWriters(), Publisher.ATOMIC_MOVE);
        assertThat(resumed.complete()).isTrue();
        ExportChecks.assertSameRows("exported rows", ExportChecks.fileRows(Format.CSV, List.of(out)), expected);
    }

    @Test
    void textEqualToTheNullStringStaysText() throws Exception {
        session.execute("INSERT INTO xr.nulls (id, t) VALUES (1, 'NULL')");
        session.execute("INSERT INTO xr.nulls (id, t) VALUES (2, null)");
        session.execute("INSERT INTO xr.nulls (id, t) VALUES (3, '')");
        session.execute("INSERT INTO xr.nulls (id, t) VALUES (4, 'a,b')");
        Path out = dir.resolve("nulls.csv");
        ExportRequest base = ExportEngineTest.request("xr", "nulls", Format.CSV, out, 1, 0);
        ExportRequest request = new ExportRequest("xr", "nulls", List.of("id", "t"), null, base.options(),
                new CsvOptions(true, ',', '"', null, "NULL", false), out, 1, 1000, 0, false, false, Duration.ofMillis(100));
        assertThat(run(request, new DefaultRowFileWriters(), Publisher.ATOMIC_MOVE).complete()).isTrue();

        List<String> read = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, t FROM read_csv('" + out + "', header = true, nullstr = 'NULL', "
                     + "allow_quoted_nulls = false, columns = {'id': 'INTEGER', 't': 'VARCHAR'}) ORDER BY id")) {
            while (rs.next()) {
                String t = rs.getString("t");
                read.add(rs.getInt("id") + "=" + (t == null ? "<null>" : "'" + t + "'"));
            }
        }
        assertThat(read).containsExactly("1='NULL'", "2=<null>", "3=''", "4='a,b'");
    }

    private ExportRequest throttled(Format format, Path out, int files) {
        ExportRequest r = ExportEngineTest.request("xr", "t", format, out, files, 4_000);
        // Small pages, so that ranges stop mid-way with a paging state.
        return new ExportRequest(r.keyspace(), r.table(), r.columns(), r.where(), r.options(), r.sink(), r.out(), files, 200,
                r.maxRowsPerSecond(), false, false, Duration.ofMillis(100));
    }

    private ExportResult cancelMidway(ExportRequest request) throws Exception {
        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        JobHandle<ExportResult> handle = new ExportEngine(session, new DefaultRowFileWriters()).start(request, progress::add);
        while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < 6_000) {
            Thread.sleep(50);
        }
        handle.cancel();
        ExportResult r = handle.result().get();
        assertThat(r.rows()).isLessThan(ROWS);
        assertThat(request.out()).doesNotExist();
        return r;
    }

    private ExportResult run(ExportRequest request, RowFileWriters writers, Publisher.FileMove move) throws Exception {
        return new ExportEngine(session, writers, move).start(request, s -> { }).result().get();
    }

    /** Writers whose disk fills up after some rows, as a full file system answers a write. */
    private record DiskFillsUp(RowFileWriters delegate, long rowsThatFit) implements RowFileWriters {
        @Override
        public RowFileWriter open(Path file, List<ExportColumn> columns, dev.ringside.sink.SinkOptions options, boolean append)
                throws IOException {
            RowFileWriter w = delegate.open(file, columns, options, append);
            return new RowFileWriter() {
                @Override
                public void write(Row row) throws IOException {
                    if (w.rowsWritten() >= rowsThatFit) {
                        throw new IOException("No space left on device");
                    }
                    w.write(row);
                }

                @Override
                public long commit() throws IOException {
                    return w.commit();
                }

                @Override
                public long bytesWritten() {
                    return w.bytesWritten();
                }

                @Override
                public long rowsWritten() {
                    return w.rowsWritten();
                }

                @Override
                public void close() throws IOException {
                    w.close();
                }
            };
        }
    }
}
