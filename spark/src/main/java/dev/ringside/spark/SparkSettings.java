package dev.ringside.spark;

import org.apache.spark.sql.SparkSession;

/** The SQL settings the job's forms need, set on the session before any DataFrame is made. */
final class SparkSettings {

    private SparkSettings() {
    }

    static void apply(SparkSession spark) {
        // Rows carry java.time values (Instant, LocalDate): no time-zone or calendar shifts.
        spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        // Parquet timestamps as INT64 TIMESTAMP(MILLIS, UTC), Ringside's form (Spark's default is INT96).
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        // Dates and timestamps before 1582 as they are (proleptic Gregorian), as Cassandra and Ringside write them.
        spark.conf().set("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED");
        spark.conf().set("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED");
    }
}
