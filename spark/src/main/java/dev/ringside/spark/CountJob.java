package dev.ringside.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact count: one server-side {@code count(*)} per split, summed by Spark. A split whose task still fails after
 * Spark's retries fails the whole job, so a number is only ever returned whole.
 */
public final class CountJob {

    private static final Logger LOG = LoggerFactory.getLogger(CountJob.class);

    private final SparkSession spark;
    private final SplitsFile splitsFile;

    public CountJob(SparkSession spark) {
        this(spark, SplitsFile.none());
    }

    public CountJob(SparkSession spark, SplitsFile splitsFile) {
        this.spark = spark;
        this.splitsFile = splitsFile;
    }

    public long run(ReadRequest read) {
        if (read.parallelism() != null) {
            LOG.info("--parallelism {}: a count runs one split per executor core; give the application that many cores", read.parallelism());
        }
        CassandraSource source = new CassandraSource(JavaSparkContext.fromSparkContext(spark.sparkContext()), read);
        source.columns(); // a missing table or keyspace is bad input, said before any task starts
        long rows = source.count(splitsFile);
        LOG.info("Counted {} rows in {}.{}", rows, read.keyspace(), read.table());
        return rows;
    }
}
