package dev.ringside.app.spark;

import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.CsvEntry;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.RangeOptionsEntry;
import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.sink.CsvOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job as the app's screens set it up, as the spark-submit "Run on Spark…" launches. */
class SparkCommandsTest {

    private static final ClusterEntry CLUSTER = new ClusterEntry("prod", List.of("10.0.0.5", "10.0.0.6:9043"), 9042,
            "dc1", "analyst", false, null, false, null, null, true, null);
    private static final SparkTarget TARGET = new SparkTarget("local[*]", "/opt/ringside-spark.jar", "/home/a/pw.txt");

    private static JobSpec export(ExportEntry e, RangeJobOptions o) {
        return new JobSpec(JobKind.EXPORT, "shop", "Orders", RangeOptionsEntry.of(o), e).withCluster(CLUSTER);
    }

    private static ExportEntry parquet(String out, long rowGroupBytes, ExportShape shape) {
        return new ExportEntry("PARQUET", out, List.of("id", "Total"), null, 1, 0, null, "ZSTD", null, shape, 5000, rowGroupBytes);
    }

    @Test
    void theScreensSettingsBecomeTheJobsArgumentsAndSparkSettings() {
        RangeJobOptions options = new RangeJobOptions(512, 0, Consistency.LOCAL_QUORUM, Duration.ofSeconds(30), 6, null, null, 12);
        SparkSubmit s = new SparkCommands(TARGET, "com.datastax.spark:spark-cassandra-connector_2.13:3.5.1")
                .of(export(parquet("/data/orders.parquet", 64L << 20, null), options));

        assertThat(s.master()).isEqualTo("local[*]");
        assertThat(s.jar()).isEqualTo("/opt/ringside-spark.jar");
        assertThat(s.conf()).containsExactly(
                java.util.Map.entry("spark.cores.max", "12"),
                java.util.Map.entry("spark.cassandra.read.timeoutMS", "30000"),
                java.util.Map.entry("spark.task.maxFailures", "6"),
                java.util.Map.entry("spark.hadoop.parquet.block.size", Long.toString(64L << 20)));
        assertThat(s.appArgs()).containsExactly("export", "--host", "10.0.0.5,10.0.0.6:9043", "--dc", "dc1",
                "--user", "analyst", "--password-file", "/home/a/pw.txt", "--keyspace", "shop", "--table", "Orders",
                "--splits", "512", "--consistency", "LOCAL_QUORUM", "--out", Path.of("/data/orders.parquet").toUri().toString(),
                "--format", "parquet", "--columns", "id,\"Total\"", "--compression", "zstd");
    }

    @Test
    void whatSparkCannotDoIsRefusedTogetherNotDropped() {
        ExportEntry csv = new ExportEntry("CSV", "/data/o.csv", List.of("id", "writetime(total)"), null, 4, 0,
                CsvEntry.of(new CsvOptions(true, ',', '"', null, "", false, true)), null, null,
                new ExportShape(1000, 50, 0, 0), 5000, 0);
        RangeJobOptions spanned = new RangeJobOptions(64, 4, Consistency.LOCAL_ONE, Duration.ofSeconds(60), 4, 0L, 1000L, 0);

        assertThatThrownBy(() -> new SparkCommands(TARGET, "").of(export(csv, spanned)))
                .isInstanceOfSatisfying(NotOnSparkException.class, e -> assertThat(e.gaps()).containsExactly(
                        SparkGap.TOKEN_SPAN, SparkGap.WRITETIME_TTL, SparkGap.FILES, SparkGap.ROWS_PER_FILE,
                        SparkGap.LIMIT, SparkGap.BOM))
                .hasMessageStartingWith("Not available on Spark: a token span")
                .hasMessageEndingWith("Clear them to run the job on Spark, or run it with Ringside itself.");

        assertThatThrownBy(() -> new SparkCommands(TARGET, "").of(JobSpec.count("shop", "orders", RangeJobOptions.defaults())))
                .hasMessageContaining("Connect to a cluster first");
    }
}
