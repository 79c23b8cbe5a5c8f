package dev.ringside.app.spark;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SparkSubmitTest {

    @Test
    void theLineQuotesWhatTheShellWouldSplitAndKeepsSparkSubmitsOrder() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.ui.port", "4050");
        conf.put("spark.cassandra.connection.ssl.enabled", "true");
        SparkSubmit submit = new SparkSubmit("local[*]", List.of("com.datastax.spark:spark-cassandra-connector_2.13:3.5.1"),
                conf, List.of("cassandra-password.txt"), "/opt/ringside/lib/ringside-spark.jar",
                List.of("count", "--keyspace", "demo", "--table", "events", "--where", "day = '2026-12-04'"));

        assertThat(submit.posix()).isEqualTo("spark-submit --master 'local[*]'"
                + " --packages com.datastax.spark:spark-cassandra-connector_2.13:3.5.1"
                + " --conf spark.ui.port=4050 --conf spark.cassandra.connection.ssl.enabled=true"
                + " --files cassandra-password.txt --class dev.ringside.spark.RingsideJob /opt/ringside/lib/ringside-spark.jar"
                + " count --keyspace demo --table events --where 'day = '\\''2026-12-04'\\'''");
        assertThat(submit.args()).startsWith("--master", "local[*]").endsWith("--where", "day = '2026-12-04'");
    }
}
