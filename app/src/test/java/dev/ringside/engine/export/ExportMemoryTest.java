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
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded whatever the table's size: a 10-million-row table exported by the real CLI in a child JVM
 * limited to 256 MB of heap, then read back by DuckDB. Slow (minutes), so it runs only with {@code mvn -B -Pmemory verify}.
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "parquet"})
    void tenMillionRowsExportUnder256MegabytesOfHeap(String format) throws Exception {
        // csv: one file; parquet: --files 4 (names rows-00001.parquet …)
        Path out = dir.resolve("rows." + format);
        Path password = SecretFiles.write(dir.resolve("password"), sandbox.connectionSettings().password());
        ConnectionSettings settings = sandbox.connectionSettings();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), "dev.ringside.Main",
                "export", "--host", String.join(",", settings.contactPoints()), "--user", settings.username(),
                "--password-file", password.toString(), "-k", "mem", "-t", "rows", "--out", out.toString(), "--json", "--quiet"));
        if (format.equals("parquet")) {
            // Four writers, each buffering a row group: their memory must be bounded together, not each.
            command.addAll(List.of("--files", "4"));
        }
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // A generous bound, only so that a hang fails the test instead of the build.
        if (!child.waitFor(30, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the export hung");
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isZero();
        String summary = Files.readString(stdout, StandardCharsets.UTF_8);
        LOG.info("{} export under -Xmx256m: {}", format, summary.strip());

        String read = format.equals("csv") ? "read_csv('" + out + "', header = true)"
                : "read_parquet('" + dir.resolve("rows-*.parquet") + "')";
        assertThat(ExportChecks.duckCount("SELECT count(*) FROM " + read)).isEqualTo(rows);
        assertThat(ExportChecks.duckCount("SELECT count(*) FROM (SELECT DISTINCT bucket, seq FROM " + read + ")")).isEqualTo(rows);
        long partitions = rows / ROWS_PER_PARTITION;
        assertThat(ExportChecks.duckCount("SELECT sum(bucket) FROM " + read))
                .isEqualTo(ROWS_PER_PARTITION * partitions * (partitions - 1) / 2);
    }
}
