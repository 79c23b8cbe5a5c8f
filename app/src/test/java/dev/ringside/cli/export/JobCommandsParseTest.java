package dev.ringside.cli.export;

import dev.ringside.engine.export.ExportShape;
import dev.ringside.sink.TextCompression;
import dev.ringside.app.command.JobCommand;
import dev.ringside.app.command.JobCommands;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.cli.ConnectionOptions;
import dev.ringside.cli.RangeOptions;
import dev.ringside.cli.RingsideCli;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.ParquetOptions.ParquetCompression;
import dev.ringside.testing.SecretFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's "Copy as command" ({@link JobCommands}) against the command line itself: every option it writes parses
 * with picocli, and the parsed command means the same job (range options, sink options, output, cluster) as the one
 * it was made from. No cluster is needed: the commands are parsed, not run.
 */
class JobCommandsParseTest {

    @TempDir
    Path dir;
    private Path ca;
    private Path truststore;
    private Path keystore;
    private Path passwordFile;
    private Path driverConfig;

    private final RangeJobOptions options = RangeJobOptions.defaults().withSplits(1_000).withParallelism(9)
            .withConsistency(Consistency.LOCAL_QUORUM).withRangeTimeout(Duration.ofSeconds(90)).withMaxAttempts(7)
            .withTokenBounds(-100L, 5_000L);

    @BeforeEach
    void files() throws Exception {
        ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        truststore = Files.writeString(dir.resolve("trust store.p12"), "x");
        keystore = Files.writeString(dir.resolve("client.p12"), "x");
        driverConfig = Files.writeString(dir.resolve("application.conf"), "datastax-java-driver {}\n");
        passwordFile = SecretFiles.write(dir.resolve("password"), "s3cret");
    }

    private ClusterEntry cluster(boolean tls) {
        return new ClusterEntry("prod", List.of("10.0.0.5", "10.0.0.6:9043"), 9142, "dc2", "analyst", tls,
                null, false, tls ? ca.toString() : null, null, !tls, driverConfig.toString());
    }

    @Test
    void aCountParsesToTheSameOptionsAndCluster() throws Exception {
        JobSpec job = JobSpec.count("shop", "Orders", options).withCluster(cluster(true));
        CommandLine.ParseResult parsed = parse(new JobCommands(passwordFile).of(job));

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("count");
        RangeOptions range = mixin(parsed, "range");
        assertThat(range.keyspace()).isEqualTo("shop");
        assertThat(range.table()).isEqualTo("Orders");
        assertThat(range.toOptions()).isEqualTo(options);
        ConnectionSettings settings = this.<ConnectionOptions>mixin(parsed, "connection").toSettings();
        assertThat(ClusterEntry.of("prod", settings)).isEqualTo(job.cluster());
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void aCountWithTopPartitionsKeepsThemInTheCommand() throws Exception {
        JobCommand command = new JobCommands().of(JobSpec.count("ks", "t", RangeJobOptions.defaults(), 20));
        assertThat(command.args()).containsSequence("--top-partitions", "20");
        assertThat(parse(command).subcommand().matchedOptionValue("--top-partitions", 0)).isEqualTo(20);
        assertThat(new JobCommands().of(JobSpec.count("ks", "t", RangeJobOptions.defaults())).args())
                .doesNotContain("--top-partitions");
    }

    @Test
    void theDefaultsStayTheDefaults() throws Exception {
        JobCommand command = new JobCommands().of(JobSpec.count("ks", "t", RangeJobOptions.defaults()));
        assertThat(command.posix()).isEqualTo("ringside count --keyspace ks --table t --splits 256 --consistency LOCAL_ONE");
        assertThat(this.<RangeOptions>mixin(parse(command), "range").toOptions()).isEqualTo(RangeJobOptions.defaults());
    }

    @Test
    void aCsvExportParsesToTheSameRequest() throws Exception {
        ExportRequest request = new ExportRequest("ks", "Mixed", List.of("id", "Total", "kind"),
                "kind = 'click' ALLOW FILTERING", options, new CsvOptions(false, '\t', '\'', '\\', "NULL", true),
                dir.resolve("out dir/clicks.csv.gz"), 3, 2_000, 700, false, false, Duration.ofMillis(200));
        assertSameExport(request, cluster(false));
        // A name CQL would fold to lower case is quoted, so that the export matches it exactly.
        assertThat(new JobCommands().of(JobSpec.export(request)).args()).contains("id,\"Total\",kind");
    }

    @Test
    void aParquetExportParsesToTheSameRequest() throws Exception {
        ExportRequest request = new ExportRequest("ks", "t", List.of(), null, RangeJobOptions.defaults(),
                new ParquetOptions(ParquetCompression.ZSTD, 16L * 1024 * 1024), dir.resolve("t.parquet"), 1,
                ExportRequest.DEFAULT_PAGE_SIZE, 0, false, false, Duration.ofMillis(200));
        assertSameExport(request, null);
    }

    @Test
    void aJsonLinesExportWithATruststoreAndAKeystoreParses() throws Exception {
        ExportRequest request = new ExportRequest("ks", "t", List.of("a"), null, options, new JsonLinesOptions(),
                dir.resolve("t.jsonl"), 1, ExportRequest.DEFAULT_PAGE_SIZE, 0, false, false, Duration.ofMillis(200));
        ClusterEntry tls = new ClusterEntry(null, List.of("cassandra-1"), 9042, null, null, true, truststore.toString(),
                true, null, keystore.toString(), true, null);
        JobCommand command = new JobCommands().of(JobSpec.export(request).withCluster(tls));
        // The store passwords are read from files the user fills in; the command names them and holds no password.
        assertThat(command.args()).containsSubsequence("--tls-truststore-password-file", JobCommands.TRUSTSTORE_PASSWORD_FILE)
                .containsSubsequence("--tls-keystore-password-file", JobCommands.KEYSTORE_PASSWORD_FILE);
        List<String> withFiles = command.args().stream()
                .map(a -> a.equals(JobCommands.TRUSTSTORE_PASSWORD_FILE) || a.equals(JobCommands.KEYSTORE_PASSWORD_FILE)
                        ? passwordFile.toString() : a).toList();
        CommandLine.ParseResult parsed = parse(new JobCommand(withFiles));
        ConnectionSettings settings = this.<ConnectionOptions>mixin(parsed, "connection").toSettings();
        assertThat(ClusterEntry.of(null, settings)).isEqualTo(tls);
        assertThat(exportOf(parsed)).isEqualTo(request);
    }

    @Test
    void rowsPerFileLimitSampleBomAndJsonLinesCompressionParseToTheSameRequest() throws Exception {
        ExportShape shape = new ExportShape(1_048_576, 5_000, 0.125, 42);
        ExportRequest csv = new ExportRequest("ks", "t", List.of(), null, options,
                new CsvOptions(true, ',', '"', null, "", false, true), dir.resolve("t.csv"), 1,
                ExportRequest.DEFAULT_PAGE_SIZE, 0, false, false, Duration.ofMillis(200), shape);
        assertSameExport(csv, null);
        ExportRequest jsonl = new ExportRequest("ks", "t", List.of(), null, options,
                new JsonLinesOptions(TextCompression.ZSTD), dir.resolve("t.jsonl"), 1,
                ExportRequest.DEFAULT_PAGE_SIZE, 0, false, false, Duration.ofMillis(200), shape);
        assertSameExport(jsonl, null);
    }

    @Test
    void noPasswordIsEverInTheCommand() {
        JobCommand command = new JobCommands().of(JobSpec.count("ks", "t", options).withCluster(cluster(true)));
        assertThat(command.args()).contains("--user", "analyst", "--password-prompt").doesNotContain("--password-file");
        assertThat(command.posix()).doesNotContain("s3cret");
    }

    private void assertSameExport(ExportRequest request, ClusterEntry cluster) throws Exception {
        JobSpec job = JobSpec.export(request).withCluster(cluster);
        assertThat(job.kind()).isEqualTo(JobKind.EXPORT);
        CommandLine.ParseResult parsed = parse(new JobCommands(passwordFile).of(job));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("export");
        assertThat(exportOf(parsed)).isEqualTo(request);
        if (cluster != null) {
            assertThat(ClusterEntry.of("prod", this.<ConnectionOptions>mixin(parsed, "connection").toSettings()))
                    .isEqualTo(cluster);
        }
    }

    /**
     * The request the export command builds from what it parsed, as its {@code call} does, with each
     * {@code "Quoted"} column as the name the engine matches exactly.
     */
    private static ExportRequest exportOf(CommandLine.ParseResult parsed) throws Exception {
        ExportCommand c = (ExportCommand) parsed.subcommand().commandSpec().userObject();
        List<String> columns = c.rows.columns().stream()
                .map(n -> n.length() > 1 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n)
                .toList();
        return new ExportRequest(c.range.keyspace(), c.range.table(), columns, c.rows.where(), c.range.toOptions(),
                c.format.sinkOptions(c.format.format(c.out)), c.out, c.files, c.rows.pageSize(), c.rows.maxRowsPerSecond(), c.resume,
                c.overwrite, Duration.ofMillis(200), c.shape.shape());
    }

    private static CommandLine.ParseResult parse(JobCommand command) {
        CommandLine cli = RingsideCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        return cli.parseArgs(command.args().toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private <T> T mixin(CommandLine.ParseResult parsed, String name) {
        return (T) parsed.subcommand().commandSpec().mixins().get(name).userObject();
    }
}
