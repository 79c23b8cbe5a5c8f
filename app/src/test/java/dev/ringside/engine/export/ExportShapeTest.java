package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.TextCompression;
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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling over to numbered files (also across a cut and a resume), a row limit and a sample: each read back by
 * DuckDB and compared with the table.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportShapeTest {

    private static final int ROWS = 40_000;
    private CqlSession session;
    private List<String> expected;
    @TempDir
    Path dir;

    @BeforeAll
    void createTable(SharedSandbox sandbox) throws Exception {
        session = sandbox.session();
        sandbox.recreateKeyspace("xshape", 1);
        session.execute("CREATE TABLE xshape.t " + ExportEngineTest.COLUMNS + ", PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTest.fill(session, "xshape.t", ROWS, false);
        expected = ExportChecks.tableRows(session, "xshape.t");
    }

    private ExportRequest request(Format format, Path out, int files, long maxRowsPerSecond, ExportShape shape) {
        ExportRequest r = ExportEngineTest.request("xshape", "t", format, out, files, maxRowsPerSecond);
        return r.withShape(shape);
    }

    @ParameterizedTest(name = "{0}, {1} files")
    @CsvSource({"CSV, 1", "CSV, 2", "JSONL_ZSTD, 1"})
    void rolledFilesResumeAfterACutAndHoldEveryRowOnce(String kind, int files) throws Exception {
        boolean csv = kind.equals("CSV");
        Format format = csv ? Format.CSV : Format.JSONL;
        Path out = dir.resolve("rolled-" + kind.toLowerCase() + "-" + files + (csv ? ".csv" : ".jsonl.zst"));
        ExportRequest r = request(format, out, files, 4_000, new ExportShape(2_500, 0, 0, 0));
        if (!csv) {
            r = new ExportRequest(r.keyspace(), r.table(), r.columns(), r.where(), r.options(),
                    new JsonLinesOptions(TextCompression.ZSTD), r.out(), r.files(), r.pageSize(), r.maxRowsPerSecond(),
                    false, false, r.progressInterval(), r.shape());
        }
        // Small pages, so that ranges stop mid-way with a paging state, and the cut comes after several roll-overs.
        ExportRequest throttled = new ExportRequest(r.keyspace(), r.table(), r.columns(), r.where(), r.options(), r.sink(),
                r.out(), files, 200, r.maxRowsPerSecond(), false, false, Duration.ofMillis(100), r.shape());

        List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        JobHandle<ExportResult> handle = new ExportEngine(session, new DefaultRowFileWriters()).start(throttled, progress::add);
        while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < 9_000) {
            Thread.sleep(50);
        }
        handle.cancel();
        ExportResult cancelled = handle.result().get();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.rows()).isLessThan(ROWS);
        assertThat(numbered(out)).as("no file under a final name before the end").isEmpty();

        ExportResult resumed = new ExportEngine(session, new DefaultRowFileWriters())
                .start(throttled.withResume(true).withMaxRowsPerSecond(0), p -> { }).result().get();
        assertThat(resumed.complete()).as(String.valueOf(resumed.error())).isTrue();
        assertThat(resumed.rows()).isEqualTo(ROWS);

        List<Path> written = numbered(out);
        assertThat(resumed.files()).containsExactlyInAnyOrderElementsOf(written);
        for (int i = 0; i < written.size(); i++) {
            String name = out.getFileName().toString();
            String base = name.substring(0, name.indexOf('.'));
            assertThat(written.get(i).getFileName().toString()).startsWith(String.format("%s-%05d.", base, i + 1));
        }
        // 40,000 rows, at most 2,499 a file under a CSV header or 2,500 JSON Lines: 17 or 16 files or more.
        assertThat(written.size()).isGreaterThanOrEqualTo(csv ? 17 : 16);
        for (Path f : written) {
            long lines = csv ? csvRecords(f) : ExportChecks.duckCount("SELECT count(*) FROM read_json('" + f
                    + "', format = 'newline_delimited')");
            assertThat(lines).as(f + " lines, header included").isLessThanOrEqualTo(2_500).isPositive();
        }
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith(out.getFileName().toString())).toList())
                .as("no partial file or checkpoint left").isEmpty();
        ExportChecks.assertSameRows("rolled rows", ExportChecks.fileRows(format, written), expected);
    }

    @Test
    void aRowLimitWritesExactlyThatManyDistinctRowsAcrossWriters() throws Exception {
        Path out = dir.resolve("limited.csv");
        ExportResult r = new ExportEngine(session, new DefaultRowFileWriters())
                .start(request(Format.CSV, out, 3, 0, new ExportShape(0, 1_234, 0, 0)), p -> { }).result().get();
        assertThat(r.complete()).as(String.valueOf(r.error())).isTrue();
        assertThat(r.rows()).isEqualTo(1_234);
        List<String> rows = ExportChecks.fileRows(Format.CSV, r.files());
        assertThat(rows).hasSize(1_234).doesNotHaveDuplicates();
        assertThat(new HashSet<>(expected)).containsAll(rows);

        Path all = dir.resolve("limit-above-table.csv");
        ExportResult whole = new ExportEngine(session, new DefaultRowFileWriters())
                .start(request(Format.CSV, all, 1, 0, new ExportShape(0, ROWS + 1, 0, 0)), p -> { }).result().get();
        assertThat(whole.complete()).isTrue();
        ExportChecks.assertSameRows("a limit above the table", ExportChecks.fileRows(Format.CSV, List.of(all)), expected);
    }

    @Test
    void aSampleReadsWholeRangesAndTheSameSeedTheSameRows() throws Exception {
        Path first = dir.resolve("sample-1.csv");
        Path second = dir.resolve("sample-2.csv");
        ExportShape shape = new ExportShape(0, 0, 0.25, 42);
        ExportResult a = new ExportEngine(session, new DefaultRowFileWriters())
                .start(request(Format.CSV, first, 1, 0, shape), p -> { }).result().get();
        ExportResult b = new ExportEngine(session, new DefaultRowFileWriters())
                .start(request(Format.CSV, second, 1, 0, shape), p -> { }).result().get();
        assertThat(a.complete()).isTrue();
        List<String> rows = ExportChecks.fileRows(Format.CSV, List.of(first));
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(new HashSet<>(expected)).containsAll(rows);
        assertThat(ExportChecks.fileRows(Format.CSV, List.of(second))).isEqualTo(rows);
        assertThat(a.ranges()).hasSameSizeAs(b.ranges()).hasSizeLessThan(64);
        // Whole ranges: every row of the table whose token lies in a chosen range is in the sample.
        long inChosen = session.execute("SELECT token(id) FROM xshape.t").all().stream()
                .mapToLong(row -> row.getLong(0))
                .filter(token -> a.ranges().stream().anyMatch(o -> o.range().start() < token && token <= o.range().end()))
                .count();
        assertThat(rows).hasSize((int) inChosen);
        assertThat(rows.size()).isBetween(ROWS / 4 * 6 / 10, ROWS / 4 * 14 / 10);
    }

    private List<Path> numbered(Path out) throws IOException {
        String name = out.getFileName().toString();
        String base = name.substring(0, name.indexOf('.'));
        String ext = name.substring(name.indexOf('.'));
        try (Stream<Path> files = Files.list(out.getParent())) {
            return files.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(base) + "-[0-9]{5}"
                    + java.util.regex.Pattern.quote(ext))).sorted().toList();
        }
    }

    /** Lines of a CSV file, its header included, counted by DuckDB (quoted line breaks stay inside their record). */
    private static long csvRecords(Path f) throws Exception {
        return ExportChecks.duckCount("SELECT count(*) FROM read_csv('" + f + "', header = false, all_varchar = true, "
                + "allow_quoted_nulls = false, auto_detect = true)");
    }
}
