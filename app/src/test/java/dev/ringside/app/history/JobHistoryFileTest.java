package dev.ringside.app.history;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code history.json}: the first format still reads, the current one round-trips, saves keep their order. */
class JobHistoryFileTest {

    @TempDir
    Path dir;

    /** As the first format wrote it: one flat object per job, with the export fields null or 0 for a count. */
    private static final String FIRST_FORMAT = """
            [ {
              "kind" : "export", "keyspace" : "shop", "table" : "orders", "splits" : 512, "parallelism" : 12,
              "consistency" : "LOCAL_QUORUM", "startedAt" : "2026-11-30T09:15:02.123456Z", "seconds" : 41.5,
              "rows" : 1200000, "rowsPerSecond" : 28915.66, "outcome" : "incomplete",
              "detail" : "2 of 512 ranges failed.", "format" : "PARQUET", "output" : "/home/a/orders.parquet",
              "columns" : [ "id", "total" ], "where" : "total > 10 ALLOW FILTERING", "files" : 4,
              "maxRowsPerSecond" : 20000, "export" : true
            }, {
              "kind" : "count", "keyspace" : "shop", "table" : "orders", "splits" : 256, "parallelism" : 6,
              "consistency" : "LOCAL_ONE", "startedAt" : "2026-11-29T17:00:00Z", "seconds" : 3.2, "rows" : 1200000,
              "rowsPerSecond" : 375000.0, "outcome" : "complete", "detail" : "Exact count of shop.orders: 1,200,000 rows.",
              "format" : null, "output" : null, "columns" : [ ], "where" : null, "files" : 0, "maxRowsPerSecond" : 0,
              "export" : false
            } ]
            """;

    @Test
    void readsTheFirstFormat() throws Exception {
        Path file = Files.writeString(dir.resolve("history.json"), FIRST_FORMAT);
        List<JobRecord> records = new JobHistoryFile(file).read();
        assertThat(records).hasSize(2);

        JobRecord export = records.get(0);
        assertThat(export.job().kind()).isEqualTo(JobKind.EXPORT);
        assertThat(export.job().tableName()).isEqualTo("shop.orders");
        assertThat(export.job().options().toOptions()).isEqualTo(RangeJobOptions.defaults().withSplits(512)
                .withParallelism(12).withConsistency(Consistency.LOCAL_QUORUM));
        assertThat(export.job().export()).isEqualTo(new ExportEntry("PARQUET", "/home/a/orders.parquet",
                List.of("id", "total"), "total > 10 ALLOW FILTERING", 4, 20_000, null, null));
        assertThat(export.started()).isEqualTo(Instant.parse("2026-11-30T09:15:02.123456Z"));
        assertThat(export.outcome()).isEqualTo(new JobOutcome(JobState.INCOMPLETE, 1_200_000, 41.5, 28915.66,
                "2 of 512 ranges failed."));

        JobRecord count = records.get(1);
        assertThat(count.job().kind()).isEqualTo(JobKind.COUNT);
        assertThat(count.job().export()).isNull();
        assertThat(count.job().options().splits()).isEqualTo(256);
        assertThat(count.outcome().state()).isEqualTo(JobState.COMPLETE);
        assertThat(count.outcome().rows()).isEqualTo(1_200_000);
    }

    @Test
    void theCurrentFormatKeepsEveryOption() throws Exception {
        RangeJobOptions options = RangeJobOptions.defaults().withSplits(1_000).withParallelism(9)
                .withConsistency(Consistency.QUORUM).withRangeTimeout(Duration.ofSeconds(90)).withMaxAttempts(7)
                .withTokenBounds(-100L, 5_000L);
        ExportRequest request = new ExportRequest("ks", "Mixed", List.of("a", "b"), "a > 1", options,
                new CsvOptions(false, '\t', '\'', '\\', "NULL", true), Path.of("/tmp/out.csv.gz"), 3, 5000, 700,
                false, true, Duration.ofMillis(250));
        JobRecord written = new JobRecord(JobSpec.export(request), Instant.parse("2026-12-01T08:00:00Z"),
                new JobOutcome(JobState.CANCELLED, 42, 1.5, 28, "Export cancelled after 42 rows."));
        JobRecord count = new JobRecord(JobSpec.count("ks", "t", options), Instant.parse("2026-12-01T07:00:00Z"),
                JobOutcome.failed("The count failed: no."));
        JobHistoryFile file = new JobHistoryFile(dir.resolve("sub").resolve("history.json"));
        file.write(List.of(written, count));

        assertThat(file.read()).containsExactly(written, count);
        assertThat(written.job().options().toOptions()).isEqualTo(options);
        assertThat(written.job().export().csv().toOptions()).isEqualTo(request.sink());
        assertThat(written.job().export().exportFormat()).isEqualTo(ExportFormat.CSV);
        assertThat(Files.readString(file.path())).contains("\"kind\" : \"export\"", "\"state\" : \"cancelled\"");
    }

    @Test
    void anUnreadableFileIsAnEmptyHistory() throws Exception {
        Path file = Files.writeString(dir.resolve("history.json"), "{ not json");
        assertThat(new JobHistoryFile(file).read()).isEmpty();
        assertThat(new JobHistoryFile(dir.resolve("missing.json")).read()).isEmpty();
    }

    @Test
    void theServiceWritesOnItsOwnThreadInTheOrderOfTheSaves() throws Exception {
        JobHistoryFile file = new JobHistoryFile(dir.resolve("history.json"));
        List<String> threads = new ArrayList<>();
        var pool = Executors.newSingleThreadExecutor(r -> new Thread(() -> {
            threads.add(Thread.currentThread().getName());
            r.run();
        }, "writer"));
        JobHistoryService service = new JobHistoryService(file, pool);
        List<JobRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(0, new JobRecord(JobSpec.count("ks", "t" + i, RangeJobOptions.defaults()),
                    Instant.EPOCH.plusSeconds(i), JobOutcome.failed("job " + i)));
            service.save(records);
        }
        service.close();
        assertThat(threads).containsExactly("writer");
        assertThat(service.load()).hasSize(20).first().satisfies(r -> assertThat(r.job().table()).isEqualTo("t19"));
    }

    @Test
    void theServiceKeepsTheNewestJobs() {
        JobHistoryService service = JobHistoryService.inline(new JobHistoryFile(dir.resolve("history.json")));
        List<JobRecord> records = new ArrayList<>();
        for (int i = 0; i < JobHistoryService.LIMIT + 3; i++) {
            records.add(new JobRecord(JobSpec.count("ks", "t" + i, RangeJobOptions.defaults()), Instant.EPOCH,
                    JobOutcome.failed("")));
        }
        service.save(records);
        assertThat(service.load()).hasSize(JobHistoryService.LIMIT).first().satisfies(r -> assertThat(r.job().table()).isEqualTo("t0"));
    }

    @Test
    void aRecordKeepsItsClusterButNoSecret() throws Exception {
        var tls = new dev.ringside.cluster.TlsSettings(Path.of("/etc/ringside/trust.p12"), "store-secret", null,
                Path.of("/etc/ringside/client.p12"), "key-secret", false);
        var settings = new dev.ringside.cluster.ConnectionSettings(List.of("10.0.0.5", "10.0.0.6:9043"), 9042, "dc2",
                "analyst", "login-secret", tls, Path.of("/etc/ringside/application.conf"), Duration.ofSeconds(10));
        ClusterEntry cluster = ClusterEntry.of("prod", settings);
        ExportRequest request = new ExportRequest("ks", "t", List.of(), null, RangeJobOptions.defaults(),
                new dev.ringside.sink.ParquetOptions(dev.ringside.sink.ParquetOptions.ParquetCompression.GZIP, 8L << 20),
                Path.of("/tmp/t.parquet"), 1, 700, 0, false, false, Duration.ofMillis(200));
        JobRecord record = new JobRecord(JobSpec.export(request).withCluster(cluster), Instant.EPOCH,
                JobOutcome.failed("no"));
        JobHistoryFile file = new JobHistoryFile(dir.resolve("history.json"));
        file.write(List.of(record));

        assertThat(file.read()).containsExactly(record);
        JobSpec read = file.read().get(0).job();
        assertThat(read.cluster().contactPoints()).containsExactly("10.0.0.5", "10.0.0.6:9043");
        assertThat(read.cluster().tls()).isTrue();
        assertThat(read.cluster().truststorePassword()).isTrue();
        assertThat(read.cluster().verifyHostname()).isFalse();
        assertThat(read.export().pageSizeOrDefault()).isEqualTo(700);
        assertThat(read.export().rowGroupBytesOrDefault()).isEqualTo(8L << 20);
        assertThat(Files.readString(file.path())).contains("\"profile\" : \"prod\"", "\"localDc\" : \"dc2\"")
                .doesNotContain("secret");
    }
}
