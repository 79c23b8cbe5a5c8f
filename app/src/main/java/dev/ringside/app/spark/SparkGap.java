package dev.ringside.app.spark;

/**
 * A setting Ringside's own jobs have and the Spark job has not. Each front end words it in its own terms (the
 * command line by its flag); {@link #words()} is the neutral wording.
 */
public enum SparkGap {
    FILES("files written in parallel (Spark writes one part file per task)"),
    ROWS_PER_FILE("rows per file (Spark writes one part file per task)"),
    LIMIT("a row limit"),
    SAMPLE("a sample"),
    TOKEN_SPAN("a token span (Spark reads the whole ring)"),
    TOP_PARTITIONS("the partitions with the most rows"),
    BOM("a byte order mark (Spark's CSV writer has none)"),
    WRITETIME_TTL("write-time and TTL columns"),
    DRIVER_CONFIG("a driver configuration file (the connector takes its settings as spark.cassandra.* Spark settings)"),
    TLS_HOSTNAME_VERIFICATION("TLS with host-name verification (the Spark connector does not check the server's host "
            + "name against its certificate; only a connection with host-name verification turned off runs on Spark)"),
    PEM_CA("a PEM CA certificate (the connector reads a truststore: import the certificate into one with keytool "
            + "-importcert)");

    private final String words;

    SparkGap(String words) {
        this.words = words;
    }

    /** What is missing, in words for any front end. */
    public String words() {
        return words;
    }
}
