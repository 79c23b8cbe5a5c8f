package dev.ringside.app.command;

import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.CsvEntry;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.ParquetOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words a job as the {@code ringside count} or {@code ringside export} command line that does the same thing, for
 * "Copy as command". It lives beside the app services, which the screens may use, and names the command line's
 * flags; {@code cli/export/JobCommandsParseTest} checks that the command line parses every option it writes and
 * reads it as the same job. Options at the command line's defaults are left out.
 *
 * <p>No secret is written: the password becomes {@code --password-prompt} (or {@code --password-file} with a file
 * the caller names), and a truststore's or keystore's password a password file to fill in.
 */
public final class JobCommands {

    /** Where the command reads a truststore's password, unless told: a file the user writes it in. */
    public static final String TRUSTSTORE_PASSWORD_FILE = "truststore-password.txt";
    /** Where the command reads a keystore's password, unless told. */
    public static final String KEYSTORE_PASSWORD_FILE = "keystore-password.txt";

    private static final Pattern PLAIN_CQL_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final RangeJobOptions DEFAULTS = RangeJobOptions.defaults();
    private static final long MIB = 1024L * 1024L;

    private final Path passwordFile;

    /** Commands that ask for a password on the terminal. */
    public JobCommands() {
        this(null);
    }

    /** @param passwordFile a file holding the cluster's password, for {@code --password-file}; {@code null} to ask */
    public JobCommands(Path passwordFile) {
        this.passwordFile = passwordFile;
    }

    /** The command for this job; its cluster, if recorded, gives the connection options. */
    public JobCommand of(JobSpec job) {
        List<String> a = new ArrayList<>();
        a.add(job.kind() == JobKind.EXPORT ? "export" : "count");
        if (job.cluster() != null) {
            connection(a, job.cluster());
        }
        a.add("--keyspace");
        a.add(job.keyspace());
        a.add("--table");
        a.add(job.table());
        range(a, job.options().toOptions());
        if (job.kind() == JobKind.COUNT && job.topPartitionsOrNone() > 0) {
            add(a, "--top-partitions", Integer.toString(job.topPartitionsOrNone()));
        }
        if (job.kind() == JobKind.EXPORT && job.export() != null) {
            export(a, job.export());
        }
        return new JobCommand(a);
    }

    private void connection(List<String> a, ClusterEntry c) {
        if (!c.contactPoints().isEmpty()) {
            add(a, "--host", String.join(",", c.contactPoints()));
        }
        if (c.port() != 9042) {
            add(a, "--port", Integer.toString(c.port()));
        }
        if (c.localDc() != null) {
            add(a, "--dc", c.localDc());
        }
        if (c.user() != null) {
            add(a, "--user", c.user());
            if (passwordFile == null) {
                a.add("--password-prompt");
            } else {
                add(a, "--password-file", passwordFile.toString());
            }
        }
        if (c.tls()) {
            boolean files = c.truststore() != null || c.caCertificate() != null || c.keystore() != null;
            if (!files) {
                a.add("--tls");
            }
            if (c.caCertificate() != null) {
                add(a, "--tls-ca", c.caCertificate());
            }
            if (c.truststore() != null) {
                add(a, "--tls-truststore", c.truststore());
                if (c.truststorePassword()) {
                    add(a, "--tls-truststore-password-file", TRUSTSTORE_PASSWORD_FILE);
                }
            }
            if (c.keystore() != null) {
                add(a, "--tls-keystore", c.keystore());
                add(a, "--tls-keystore-password-file", KEYSTORE_PASSWORD_FILE);
            }
            if (!c.verifyHostname()) {
                a.add("--tls-no-hostname-verification");
            }
        }
        if (c.driverConfig() != null) {
            add(a, "--driver-config", c.driverConfig());
        }
    }

    private static void range(List<String> a, RangeJobOptions o) {
        add(a, "--splits", Integer.toString(o.splits()));
        if (o.parallelism() > 0) {
            add(a, "--parallelism", Integer.toString(o.parallelism()));
        } else if (o.maxParallelism() > 0) {
            // "auto" is the command line's default; only a cap the user set is worth stating.
            add(a, "--max-parallelism", Integer.toString(o.maxParallelism()));
        }
        add(a, "--consistency", o.consistency().name());
        if (!o.rangeTimeout().equals(DEFAULTS.rangeTimeout())) {
            // The command line takes whole seconds; the app and the history only ever hold whole seconds too.
            long seconds = Math.max(1, (o.rangeTimeout().toMillis() + 999) / 1000);
            add(a, "--range-timeout", Long.toString(seconds));
        }
        if (o.maxAttempts() != DEFAULTS.maxAttempts()) {
            add(a, "--retries", Integer.toString(o.maxAttempts() - 1));
        }
        if (o.startToken() != null) {
            add(a, "--start-token", Long.toString(o.startToken()));
        }
        if (o.endToken() != null) {
            add(a, "--end-token", Long.toString(o.endToken()));
        }
    }

    private static void export(List<String> a, ExportEntry e) {
        ExportFormat format = e.exportFormat();
        add(a, "--out", e.output());
        add(a, "--format", format.extension());
        if (!e.columns().isEmpty()) {
            add(a, "--columns", String.join(",", e.columns().stream().map(JobCommands::cqlName).toList()));
        }
        if (e.where() != null && !e.where().isBlank()) {
            add(a, "--where", e.where());
        }
        if (e.files() > 1) {
            add(a, "--files", Integer.toString(e.files()));
        }
        if (e.pageSizeOrDefault() != 5000) {
            add(a, "--page-size", Integer.toString(e.pageSizeOrDefault()));
        }
        if (e.maxRowsPerSecond() > 0) {
            add(a, "--max-rows-per-second", Long.toString(e.maxRowsPerSecond()));
        }
        shape(a, e.exportShape());
        switch (format) {
            case CSV -> csv(a, e.csv() == null ? CsvOptions.defaults() : e.csv().toOptions());
            case PARQUET -> parquet(a, e);
            case JSONL -> {
                if (e.jsonlCompression() != null && !e.jsonlCompression().equals("NONE")) {
                    add(a, "--compression", e.jsonlCompression().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Rows per file, the row limit and the sample; the sample with its seed, so the command reads the same ranges. */
    private static void shape(List<String> a, dev.ringside.engine.export.ExportShape shape) {
        if (shape.rolls()) {
            add(a, "--max-rows-per-file", Long.toString(shape.maxRowsPerFile()));
        }
        if (shape.limited()) {
            add(a, "--limit", Long.toString(shape.limit()));
        }
        if (shape.sampled()) {
            add(a, "--sample", Double.toString(shape.sample()));
            add(a, "--seed", Long.toString(shape.seed()));
        }
    }

    private static void csv(List<String> a, CsvOptions o) {
        CsvOptions d = CsvOptions.defaults();
        if (!o.header()) {
            a.add("--no-header");
        }
        if (o.delimiter() != d.delimiter()) {
            add(a, "--delimiter", character(o.delimiter()));
        }
        if (o.quote() != d.quote()) {
            add(a, "--quote", character(o.quote()));
        }
        if (o.escape() != null) {
            add(a, "--escape", character(o.escape()));
        }
        if (!o.nullString().isEmpty()) {
            add(a, "--null-string", o.nullString());
        }
        if (o.gzip()) {
            add(a, "--compression", "gzip");
        }
        if (o.bom()) {
            a.add("--bom");
        }
    }

    private static void parquet(List<String> a, ExportEntry e) {
        String codec = e.parquetCompression() == null ? "SNAPPY" : e.parquetCompression();
        if (!codec.equals(ParquetOptions.ParquetCompression.SNAPPY.name())) {
            add(a, "--compression", codec.toLowerCase(Locale.ROOT));
        }
        long bytes = e.rowGroupBytesOrDefault();
        if (bytes != ParquetOptions.DEFAULT_ROW_GROUP_BYTES) {
            add(a, "--row-group-size", Long.toString(Math.max(1, bytes / MIB)));
        }
    }

    /** A CSV character as the command line takes it: {@code \t} for a tab. */
    private static String character(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    /**
     * A column as {@code --columns} names it: a name that CQL would fold to lower case, or that holds anything but
     * letters, digits and {@code _}, in double quotes, which the export matches exactly.
     */
    static String cqlName(String name) {
        return PLAIN_CQL_NAME.matcher(name).matches() ? name : "\"" + name + "\"";
    }

    private static void add(List<String> a, String flag, String value) {
        a.add(flag);
        a.add(value);
    }
}
