package dev.ringside.cli.spark;

import dev.ringside.cli.RingsideCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringside spark-command}: the line it prints, as a user would paste it, for the options of {@code ringside
 * export} and {@code count}; and the options Spark cannot do, refused in the command line's words. It connects to
 * nothing. {@code spark/…/BulkExportTest} runs a printed line's job arguments on Spark.
 */
class SparkCommandCliTest {

    private static final String JOB = " --class dev.ringside.spark.RingsideJob /opt/jobs/ringside-spark.jar ";
    private static final String CONNECTOR = "com.datastax.spark:spark-cassandra-connector_2.13:3.5.1";

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RingsideCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString().strip(), err.toString());
    }

    @Test
    void anExportWithAPasswordPrintsTheSparkSubmitLineThatReadsTheFileNeverTheSecret(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("pw.txt"), "s3cret-password\n");

        Run r = run("spark-command", "export", "--master", "spark://10.0.0.9:7077", "--job-jar", "/opt/jobs/ringside-spark.jar",
                "--host", "10.0.0.5,10.0.0.6", "--dc", "dc1", "-u", "analyst", "--password-file", password.toString(),
                "-k", "shop", "-t", "orders", "--splits", "4096", "--parallelism", "64", "-o", "hdfs:///exports/orders",
                "-f", "parquet", "--columns", "id,Total", "--where", "kind = 'x' ALLOW FILTERING", "--overwrite");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("spark-submit --master spark://10.0.0.9:7077 --packages " + CONNECTOR + JOB
                + "export --host 10.0.0.5,10.0.0.6 --dc dc1 --user analyst --password-file " + password
                + " --keyspace shop --table orders --splits 4096 --parallelism 64 --consistency LOCAL_ONE"
                + " --out hdfs:///exports/orders --format parquet --columns 'id,\"Total\"'"
                + " --where 'kind = '\\''x'\\'' ALLOW FILTERING' --overwrite");
        assertThat(r.out() + r.err()).doesNotContain("s3cret");
    }

    @Test
    void aCountRunsOnThisMachineByDefaultAndTheDialectReachesTheJob(@TempDir Path dir) {
        Run count = run("spark-command", "count", "--job-jar", "/opt/jobs/ringside-spark.jar", "--host", "127.0.0.1",
                "-k", "demo", "-t", "events", "--retries", "5", "--range-timeout", "120");
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(count.out()).isEqualTo("spark-submit --master 'local[*]' --packages " + CONNECTOR
                + " --conf spark.cassandra.read.timeoutMS=120000 --conf spark.task.maxFailures=6" + JOB
                + "count --host 127.0.0.1 --keyspace demo --table events --splits 256 --consistency LOCAL_ONE");

        Run csv = run("spark-command", "export", "--job-jar", "/opt/jobs/ringside-spark.jar", "--packages=", "--host", "h1",
                "-k", "demo", "-t", "events", "-o", dir.resolve("events.csv").toString(), "--delimiter", "\\t",
                "--no-header", "--null-string", "NULL", "--compression", "gzip");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).doesNotContain("--packages")
                .endsWith("--out " + dir.resolve("events.csv").toUri() + " --format csv --no-header --delimiter '\\t'"
                        + " --null-string NULL --compression gzip");
    }

    @Test
    void whatSparkCannotDoIsRefusedByItsFlagsAndNothingIsPrinted() {
        Run r = run("spark-command", "export", "--host", "h1", "-k", "demo", "-t", "events", "-o", "/tmp/x.csv",
                "--files", "4", "--limit", "100", "--start-token", "0", "--bom");
        assertThat(r.exitCode()).isEqualTo(RingsideCli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Not available on Spark: ", "--files", "--limit", "--start-token/--end-token", "--bom",
                "Leave them out").doesNotContain("Exception", "\tat ");

        Run prompt = run("spark-command", "count", "--host", "h1", "-u", "analyst", "--password-prompt", "-k", "demo", "-t", "events");
        assertThat(prompt.exitCode()).isEqualTo(RingsideCli.BAD_INPUT);
        assertThat(prompt.err()).contains("cannot ask for a password: give --password-file");
    }

    @Test
    void tlsRunsOnSparkOnlyWhereHostNamesAreNotCheckedAnywayAndTheStorePasswordStaysInItsFile() {
        Run verifying = run("spark-command", "count", "--host", "h1", "--tls", "-k", "demo", "-t", "events");
        assertThat(verifying.exitCode()).isEqualTo(RingsideCli.BAD_INPUT);
        assertThat(verifying.err()).contains("host-name verification", "--tls-no-hostname-verification");

        Run opted = run("spark-command", "count", "--job-jar", "j.jar", "--host", "h1", "--tls-truststore", "/etc/ts.p12",
                "--tls-truststore-password-file", "ts-pw.txt", "--tls-no-hostname-verification", "-k", "demo", "-t", "events");
        assertThat(opted.exitCode()).as(opted.err()).isZero();
        assertThat(opted.out()).contains("--conf spark.cassandra.connection.ssl.enabled=true",
                "--conf spark.cassandra.connection.ssl.trustStore.path=/etc/ts.p12",
                "--conf spark.cassandra.connection.ssl.trustStore.type=PKCS12",
                "--tls-truststore-password-file ts-pw.txt");
    }
}
