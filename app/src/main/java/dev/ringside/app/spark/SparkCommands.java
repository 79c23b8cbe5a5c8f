package dev.ringside.app.spark;

import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.CsvEntry;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.ParquetOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Words a job as the {@code spark-submit} of Ringside's Spark job ({@code spark/}) that does the same thing: what
 * "Run on Spark…" launches and {@code ringside spark-command} prints. The job's options are named as the command
 * line's, so each of the job's settings maps to the same name; the few that Spark decides itself (files, a row
 * limit, a sample, a token span) are refused with {@link NotOnSparkException} rather than silently dropped.
 *
 * <p>No secret is written. A password is read by the job from {@link SparkTarget#passwordFile()}; a truststore's or
 * keystore's from a file beside it.
 */
public final class SparkCommands {

    /** Where the job reads the cluster's password, unless told: a file the user writes it in. */
    public static final String PASSWORD_FILE = "cassandra-password.txt";
    /** Where the job reads a truststore's password. */
    public static final String TRUSTSTORE_PASSWORD_FILE = "truststore-password.txt";
    /** Where the job reads a keystore's password. */
    public static final String KEYSTORE_PASSWORD_FILE = "keystore-password.txt";

    private static final RangeJobOptions DEFAULTS = RangeJobOptions.defaults();
    private static final Pattern PLAIN_CQL_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    private final SparkTarget target;
    private final String connectorPackage;

    /** Commands for this target, naming the connector this build was tested with. */
    public SparkCommands(SparkTarget target) {
        this(target, builtConnectorPackage());
    }

    /** @param connectorPackage the connector's Maven coordinates for {@code --packages}; blank for none */
    public SparkCommands(SparkTarget target, String connectorPackage) {
        this.target = target;
        this.connectorPackage = connectorPackage == null ? "" : connectorPackage.strip();
    }

    /** The spark-submit for {@code job}, which must carry its cluster ({@link JobSpec#withCluster}). */
    public SparkSubmit of(JobSpec job) {
        if (job.cluster() == null) {
            throw new IllegalArgumentException("Connect to a cluster first: the Spark job needs its contact points.");
        }
        List<SparkGap> refused = new ArrayList<>();
        Map<String, String> conf = new LinkedHashMap<>();
        List<String> a = new ArrayList<>();
        a.add(job.kind() == JobKind.EXPORT ? "export" : "count");
        connection(a, conf, job.cluster(), refused);
        add(a, "--keyspace", job.keyspace());
        add(a, "--table", job.table());
        range(a, conf, job.options().toOptions(), refused);
        if (job.kind() == JobKind.COUNT && job.topPartitionsOrNone() > 0) {
            refused.add(SparkGap.TOP_PARTITIONS);
        }
        if (job.kind() == JobKind.EXPORT) {
            if (job.export() == null) {
                throw new IllegalArgumentException("Choose the output of the export first.");
            }
            export(a, conf, job.export(), refused);
        }
        if (!refused.isEmpty()) {
            throw new NotOnSparkException(refused);
        }
        return new SparkSubmit(target.master(), connectorPackage.isEmpty() ? List.of() : List.of(connectorPackage),
                conf, List.of(), target.jobJar(), a);
    }

    private void connection(List<String> a, Map<String, String> conf, ClusterEntry c, List<SparkGap> refused) {
        add(a, "--host", String.join(",", c.contactPoints()));
        if (c.port() != 9042) {
            add(a, "--port", Integer.toString(c.port()));
        }
        if (c.localDc() != null) {
            add(a, "--dc", c.localDc());
        }
        if (c.user() != null) {
            add(a, "--user", c.user());
            if (target.passwordEnv() != null) {
                add(a, "--password-env", target.passwordEnv());
            } else {
                add(a, "--password-file", target.passwordFile() == null ? PASSWORD_FILE : target.passwordFile());
            }
        }
        if (c.tls()) {
            tls(a, conf, c, refused);
        }
        if (c.driverConfig() != null) {
            refused.add(SparkGap.DRIVER_CONFIG);
        }
    }

    /**
     * TLS as the connector takes it: its {@code spark.cassandra.connection.ssl.*} settings, the stores' passwords
     * read by the job from files. The connector never checks the server's host name against its certificate, so a
     * connection that verifies host names (the default) is refused rather than silently weakened.
     */
    private void tls(List<String> a, Map<String, String> conf, ClusterEntry c, List<SparkGap> refused) {
        if (c.verifyHostname()) {
            refused.add(SparkGap.TLS_HOSTNAME_VERIFICATION);
        }
        if (c.caCertificate() != null) {
            refused.add(SparkGap.PEM_CA);
        }
        conf.put("spark.cassandra.connection.ssl.enabled", "true");
        if (c.truststore() != null) {
            conf.put("spark.cassandra.connection.ssl.trustStore.path", c.truststore());
            conf.put("spark.cassandra.connection.ssl.trustStore.type", storeType(c.truststore()));
            if (c.truststorePassword()) {
                add(a, "--tls-truststore-password-file", target.truststorePasswordFileOr(TRUSTSTORE_PASSWORD_FILE));
            }
        }
        if (c.keystore() != null) {
            conf.put("spark.cassandra.connection.ssl.clientAuth.enabled", "true");
            conf.put("spark.cassandra.connection.ssl.keyStore.path", c.keystore());
            conf.put("spark.cassandra.connection.ssl.keyStore.type", storeType(c.keystore()));
            add(a, "--tls-keystore-password-file", target.keystorePasswordFileOr(KEYSTORE_PASSWORD_FILE));
        }
    }

    /** The connector defaults to JKS; a PKCS #12 store says so by its name. */
    private static String storeType(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : "JKS";
    }

    private static void range(List<String> a, Map<String, String> conf, RangeJobOptions o, List<SparkGap> refused) {
        add(a, "--splits", Integer.toString(o.splits()));
        if (o.parallelism() > 0) {
            add(a, "--parallelism", Integer.toString(o.parallelism()));
        }
        // "auto" has no Spark form: Spark runs one split per executor core it is given, so auto's cap caps the cores.
        if (o.parallelism() == 0 && o.maxParallelism() > 0) {
            conf.put("spark.cores.max", Integer.toString(o.maxParallelism()));
        }
        add(a, "--consistency", o.consistency().name());
        if (!o.rangeTimeout().equals(DEFAULTS.rangeTimeout())) {
            conf.put("spark.cassandra.read.timeoutMS", Long.toString(o.rangeTimeout().toMillis()));
        }
        if (o.maxAttempts() != DEFAULTS.maxAttempts()) {
            // A split's retries are its task's attempts on Spark.
            conf.put("spark.task.maxFailures", Integer.toString(o.maxAttempts()));
        }
        if (o.startToken() != null || o.endToken() != null) {
            refused.add(SparkGap.TOKEN_SPAN);
        }
    }

    private static void export(List<String> a, Map<String, String> conf, ExportEntry e, List<SparkGap> refused) {
        ExportFormat format = e.exportFormat();
        add(a, "--out", outputUrl(e.output()));
        add(a, "--format", format.extension());
        if (!e.columns().isEmpty()) {
            if (e.columns().stream().anyMatch(c -> c.contains("("))) {
                refused.add(SparkGap.WRITETIME_TTL);
            }
            add(a, "--columns", String.join(",", e.columns().stream().map(SparkCommands::cqlName).toList()));
        }
        if (e.where() != null && !e.where().isBlank()) {
            add(a, "--where", e.where());
        }
        if (e.pageSizeOrDefault() != 5000) {
            add(a, "--page-size", Integer.toString(e.pageSizeOrDefault()));
        }
        if (e.maxRowsPerSecond() > 0) {
            add(a, "--max-rows-per-second", Long.toString(e.maxRowsPerSecond()));
        }
        if (e.files() > 1) {
            refused.add(SparkGap.FILES);
        }
        ExportShape shape = e.exportShape();
        if (shape.rolls()) {
            refused.add(SparkGap.ROWS_PER_FILE);
        }
        if (shape.limited()) {
            refused.add(SparkGap.LIMIT);
        }
        if (shape.sampled()) {
            refused.add(SparkGap.SAMPLE);
        }
        switch (format) {
            case CSV -> csv(a, e.csv(), refused);
            case PARQUET -> parquet(a, conf, e);
            case JSONL -> {
                if (e.jsonlCompression() != null && !e.jsonlCompression().equals("NONE")) {
                    add(a, "--compression", e.jsonlCompression().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Spark writes a directory of part files at a Hadoop URL; a local path becomes a {@code file://} URL. */
    public static String outputUrl(String output) {
        return URL.matcher(output).matches() ? output : Path.of(output).toAbsolutePath().normalize().toUri().toString();
    }

    private static void csv(List<String> a, CsvEntry entry, List<SparkGap> refused) {
        CsvOptions o = entry == null ? CsvOptions.defaults() : entry.toOptions();
        CsvOptions d = CsvOptions.defaults();
        if (!o.header()) {
            a.add("--no-header");
        }
        if (o.delimiter() != d.delimiter()) {
            add(a, "--delimiter", o.delimiter() == '\t' ? "\\t" : String.valueOf(o.delimiter()));
        }
        if (o.quote() != d.quote()) {
            add(a, "--quote", String.valueOf(o.quote()));
        }
        if (o.escape() != null) {
            add(a, "--escape", String.valueOf(o.escape()));
        }
        if (!o.nullString().isEmpty()) {
            add(a, "--null-string", o.nullString());
        }
        if (o.gzip()) {
            add(a, "--compression", "gzip");
        }
        if (o.bom()) {
            refused.add(SparkGap.BOM);
        }
    }

    private static void parquet(List<String> a, Map<String, String> conf, ExportEntry e) {
        String codec = e.parquetCompression() == null ? "SNAPPY" : e.parquetCompression();
        if (!codec.equals(ParquetOptions.ParquetCompression.SNAPPY.name())) {
            add(a, "--compression", codec.toLowerCase(Locale.ROOT));
        }
        long bytes = e.rowGroupBytesOrDefault();
        if (bytes != ParquetOptions.DEFAULT_ROW_GROUP_BYTES) {
            // Spark's Parquet writer takes the row-group size from Hadoop's parquet.block.size.
            conf.put("spark.hadoop.parquet.block.size", Long.toString(bytes));
        }
    }

    /** A column as the job's --columns names it: quoted where CQL would fold or split it. */
    private static String cqlName(String name) {
        return PLAIN_CQL_NAME.matcher(name).matches() ? name : "\"" + name + "\"";
    }

    private static void add(List<String> a, String flag, String value) {
        a.add(flag);
        a.add(value);
    }

    /** The connector's coordinates as the build wrote them into {@code version.properties}. */
    public static String builtConnectorPackage() {
        Properties p = new Properties();
        try (InputStream in = SparkCommands.class.getResourceAsStream("/dev/ringside/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String coordinates = p.getProperty("spark.connector.package", "");
        return coordinates.contains("${") ? "" : coordinates;
    }
}
