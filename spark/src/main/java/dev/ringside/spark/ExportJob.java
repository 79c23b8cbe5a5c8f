package dev.ringside.spark;

import com.datastax.spark.connector.japi.rdd.CassandraTableScanJavaRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The export as a Spark job: splits read by the connector into rows of Ringside's forms, written by Spark's own
 * file writers. Their commit protocol publishes only the files of committed task attempts, so a retried task never
 * leaves its failed attempt's rows behind.
 */
public final class ExportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ExportJob.class);

    private final SparkSession spark;
    private final RowsTap tap;
    private final SplitsFile splitsFile;

    public ExportJob(SparkSession spark, RowsTap tap) {
        this(spark, tap, SplitsFile.none());
    }

    public ExportJob(SparkSession spark, RowsTap tap, SplitsFile splitsFile) {
        this.spark = spark;
        this.tap = tap;
        this.splitsFile = splitsFile;
    }

    public ExportSummary run(ReadRequest read, OutputRequest out) {
        SparkSettings.apply(spark);
        refuseExisting(out);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CassandraSource source = new CassandraSource(sc, read);
        List<SelectedColumn> columns = source.columns();
        CassandraTableScanJavaRDD<Row> scan = source.rdd(new SparkRowReaderFactory(out.format()), columns);
        JavaRDD<Row> rows = scan;
        int splits = rows.getNumPartitions();
        LongAccumulator written = sc.sc().longAccumulator("rows written");
        rows = tap.apply(rows).map(r -> {
            written.add(1);
            return r;
        });
        if (read.parallelism() != null && read.parallelism() < splits) {
            // At most this many reads in flight: each task reads its share of the splits one after the other. On the
            // mapped RDD, not the connector's, whose coalesce re-plans the token ranges to about (not at most) P.
            rows = rows.rdd().coalesce(read.parallelism(), false, scala.Option.apply(new EvenCoalescer()), null).toJavaRDD();
        }
        int tasks = rows.getNumPartitions();
        // The write stage's task g reads the coalesced partition g (the identity without --parallelism).
        splitsFile.write(() -> TaskRanges.of(scan.rdd()).grouped(tasks));
        Dataset<Row> frame = spark.createDataFrame(rows, schema(out.format(), columns));
        writer(frame, out).save(out.url());
        LOG.info("Exported {} rows of {}.{} from {} splits in {} tasks to {}", written.value(), read.keyspace(), read.table(),
                splits, tasks, out.url());
        return new ExportSummary(written.value(), splits, tasks, out.url());
    }

    /** Said before any split is read, as the CLI says it (Spark itself would say it only after planning). */
    private void refuseExisting(OutputRequest out) {
        if (out.overwrite()) {
            return;
        }
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(out.url());
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new JobInputException("--out " + out.url() + " already exists: add --overwrite to replace it");
            }
        } catch (java.io.IOException e) {
            throw new JobInputException("Cannot check --out " + out.url() + ": " + e.getMessage());
        }
    }

    private static StructType schema(OutputFormat format, List<SelectedColumn> columns) {
        return switch (format) {
            case PARQUET -> ParquetForms.schema(columns);
            case CSV -> DataTypes.createStructType(columns.stream()
                    .map(c -> DataTypes.createStructField(c.name(), DataTypes.StringType, true)).toArray(StructField[]::new));
            case JSONL -> DataTypes.createStructType(new StructField[]{DataTypes.createStructField("value", DataTypes.StringType, false)});
        };
    }

    private static DataFrameWriter<Row> writer(Dataset<Row> frame, OutputRequest out) {
        DataFrameWriter<Row> w = frame.write().mode(out.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        if (out.compression() != null) {
            w = w.option("compression", out.compression());
        }
        return switch (out.format()) {
            case PARQUET -> w.format("parquet");
            // The JSON text is the job's own (exact numbers, the documented forms); Spark writes it as lines.
            case JSONL -> w.format("text");
            case CSV -> w.format("csv")
                    .option("header", out.header())
                    .option("sep", String.valueOf(out.delimiter()))
                    .option("quote", String.valueOf(out.quote()))
                    // RFC 4180: a quote inside a field is doubled, unless the CLI's --escape says otherwise.
                    .option("escape", String.valueOf(out.escape() != null ? out.escape() : out.quote()))
                    .option("nullValue", out.nullString())
                    .option("emptyValue", String.valueOf(out.quote()) + out.quote())
                    // Spark trims cells when writing unless told not to; Ringside's cells are written as they are.
                    .option("ignoreLeadingWhiteSpace", false)
                    .option("ignoreTrailingWhiteSpace", false);
        };
    }
}
