package dev.ringside.engine.export;

import dev.ringside.testing.SecretFiles;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded whatever the table's size: a 10-million-row table exported by the real CLI in a child JVM
 * limited to 256 MB of heap, in every format with one and four writers, then read back by DuckDB; the log gives
 * each child's peak resident set. Slow (minutes), so it runs only with {@code mvn -B -Pmemory verify}.
 * {@code -Dringside.memory.rows=N} changes the row count.
 */
@Tag("memory")
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportMemoryTest {

    private static final Logger LOG = LoggerFactory.getLogger(ExportMemoryTest.class);
    private static final int ROWS_PER_PARTITION = 100;

    private final long rows = Long.getLong("ringside.memory.rows", 10_000_000L);
    private SharedSandbox sandbox;
    @TempDir
    Path dir;

    @BeforeAll
    void load(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("mem", 1);
        session.execute("CREATE TABLE mem.rows (bucket bigint, seq int, payload text, ts timestamp, v double, PRIMARY KEY (bucket, seq))");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO mem.rows (bucket, seq, payload, ts, v) VALUES (?, ?, ?, ?, ?)");
        long start = System.nanoTime();
        // One unlogged batch per partition: a single mutation each, so 10M rows load in minutes, not an hour.
        Semaphore inFlight = new Semaphore(64);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long bucket = 0; bucket < rows / ROWS_PER_PARTITION && failure.get() == null; bucket++) {
            BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
            for (int seq = 0; seq < ROWS_PER_PARTITION; seq++) {
                batch.addStatement(insert.bind(bucket, seq, "payload-" + bucket + "-" + seq + "-abcdefghijklmnopqrstuvwxyz",
                        Instant.ofEpochMilli(1_700_000_000_000L + bucket * 1000 + seq), bucket * 0.5 + seq));
            }
            inFlight.acquire();
            session.executeAsync(batch.build()).whenComplete((rs, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(64);
        if (failure.get() != null) {
            throw new IllegalStateException("loading failed", failure.get());
        }
        LOG.info("Loaded {} rows in {} s", rows, (System.nanoTime() - start) / 1_000_000_000);
    }

    /** Every format, with one writer and with four (each Parquet writer buffering a row group). */
    static Stream<Arguments> exports() {
        return Stream.of("csv", "jsonl", "parquet").flatMap(f -> Stream.of(Arguments.of(f, 1), Arguments.of(f, 4)));
    }

    @ParameterizedTest(name = "{0}, --files {1}")
    @MethodSource("exports")
    void tenMillionRowsExportUnder256MegabytesOfHeap(String format, int files) throws Exception {
        Path out = dir.resolve("rows-" + files + "." + format);
        Path password = SecretFiles.write(dir.resolve("password"), sandbox.connectionSettings().password());
        ConnectionSettings settings = sandbox.connectionSettings();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), "dev.ringside.Main",
                "export", "--host", String.join(",", settings.contactPoints()), "--user", settings.username(),
                "--password-file", password.toString(), "-k", "mem", "-t", "rows", "--out", out.toString(), "--json", "--quiet",
                "--files", Integer.toString(files)));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        long peakRss = PeakRss.follow(child, Duration.ofMinutes(30));
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isZero();
        String summary = Files.readString(stdout, StandardCharsets.UTF_8);
        LOG.info("{} --files {} export under -Xmx256m: peak RSS {} MB; {}", format, files,
                peakRss < 0 ? "unknown" : Long.toString(peakRss / (1024 * 1024)), summary.strip());

        String parts = files == 1 ? out.toString() : dir.resolve("rows-" + files + "-*." + format).toString();
        String read = switch (format) {
            case "csv" -> "read_csv('" + parts + "', header = true)";
            case "jsonl" -> "read_json('" + parts + "', format = 'newline_delimited')";
            default -> "read_parquet('" + parts + "')";
        };
        assertThat(ExportChecks.duckCount("SELECT count(*) FROM " + read)).isEqualTo(rows);
        assertThat(ExportChecks.duckCount("SELECT count(*) FROM (SELECT DISTINCT bucket, seq FROM " + read + ")")).isEqualTo(rows);
        long partitions = rows / ROWS_PER_PARTITION;
        assertThat(ExportChecks.duckCount("SELECT sum(bucket) FROM " + read))
                .isEqualTo(ROWS_PER_PARTITION * partitions * (partitions - 1) / 2);
    }

    /** The child's peak resident set (Linux's VmHWM), read while it runs; -1 where /proc has no such line. */
    static final class PeakRss {
        static long follow(Process child, Duration patience) throws Exception {
            Path status = Path.of("/proc", Long.toString(child.pid()), "status");
            long peak = -1;
            long deadline = System.nanoTime() + patience.toNanos();
            while (!child.waitFor(200, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
                if (System.nanoTime() > deadline) {
                    // A generous bound, only so that a hang fails the test instead of the build.
                    child.destroyForcibly();
                    throw new AssertionError("the export hung");
                }
            }
            return peak;
        }

        private static long highWaterMark(Path status) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // The process ended between two reads, or this is not Linux.
            }
            return -1;
        }
    }
}
