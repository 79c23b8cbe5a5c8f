package dev.ringside.spark;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.spark.connector.cql.CassandraConnector;
import com.datastax.spark.connector.cql.CassandraConnectorConf;
import com.datastax.spark.connector.japi.CassandraJavaUtil;
import com.datastax.spark.connector.japi.rdd.CassandraTableScanJavaRDD;
import com.datastax.spark.connector.rdd.CassandraTableScanRDD;
import com.datastax.spark.connector.rdd.ReadConf;
import com.datastax.spark.connector.rdd.reader.RowReaderFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The table as the connector reads it: connection and read settings on a copy of the application's conf (so a
 * password never lands in the Spark UI's environment, and one SparkSession can serve several jobs), the selected
 * columns from Cassandra's own {@code SELECT} metadata, and the split RDD.
 */
public final class CassandraSource {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSource.class);
    private static final Pattern ALLOW_FILTERING = Pattern.compile("(?i)\\s+ALLOW\\s+FILTERING\\s*$");

    private final JavaSparkContext sc;
    private final ReadRequest request;
    private final CassandraConnector connector;
    private final ReadConf readConf;

    public CassandraSource(JavaSparkContext sc, ReadRequest request) {
        this.sc = sc;
        this.request = request;
        SparkConf conf = connectionConf(sc.getConf(), request.connection());
        this.connector = new CassandraConnector(CassandraConnectorConf.apply(conf));
        this.readConf = readConf(ReadConf.fromSparkConf(conf), request, sc.defaultParallelism());
    }

    static SparkConf connectionConf(SparkConf base, CassandraConnection c) {
        SparkConf conf = base.clone();
        conf.set("spark.cassandra.connection.host", String.join(",", c.hosts()));
        conf.set("spark.cassandra.connection.port", Integer.toString(c.port()));
        if (c.localDc() != null) {
            conf.set("spark.cassandra.connection.localDC", c.localDc());
        }
        if (c.user() != null) {
            conf.set("spark.cassandra.auth.username", c.user());
        }
        if (c.password() != null) {
            conf.set("spark.cassandra.auth.password", c.password());
        }
        if (c.truststorePassword() != null) {
            conf.set("spark.cassandra.connection.ssl.trustStore.password", c.truststorePassword());
        }
        if (c.keystorePassword() != null) {
            conf.set("spark.cassandra.connection.ssl.keyStore.password", c.keystorePassword());
        }
        return conf;
    }

    /**
     * --splits is the connector's split count; the page size its fetch size; --max-rows-per-second becomes its
     * pages per second per task (the connector throttles each task on its own), spread over the tasks in flight.
     */
    static ReadConf readConf(ReadConf base, ReadRequest r, int defaultParallelism) {
        Option<Object> splits = r.splits() == null ? base.splitCount() : Option.apply(r.splits());
        int fetch = r.pageSize();
        Option<Object> readsPerSec = base.readsPerSec();
        if (r.maxRowsPerSecond() > 0) {
            long tasks = r.parallelism() != null ? r.parallelism() : Math.max(1, defaultParallelism);
            long perTask = Math.max(1, r.maxRowsPerSecond() / tasks);
            fetch = (int) Math.min(fetch, perTask);
            readsPerSec = Option.apply((int) Math.max(1, perTask / fetch));
        }
        DefaultConsistencyLevel cl;
        try {
            cl = DefaultConsistencyLevel.valueOf(r.consistency().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JobInputException("--consistency must be one of ONE, LOCAL_ONE, QUORUM, LOCAL_QUORUM, ALL, ..., not '"
                    + r.consistency() + "'");
        }
        return base.copy(splits, base.splitSizeInMB(), fetch, cl, base.taskMetricsEnabled(), base.throughputMiBPS(),
                readsPerSec, base.parallelismLevel(), base.executeAs());
    }

    /**
     * The columns read: all in SELECT * order, or --columns' names in their order, matched as the CLI matches them
     * (quotes allowed; a name matches exactly, or ignoring case when that finds one column).
     */
    public List<SelectedColumn> columns() {
        for (String c : request.columns()) {
            if (c.contains("(")) {
                throw new JobInputException("--columns: " + c + " is not supported on Spark (write times and TTLs are "
                        + "only in Ringside's own export); name table columns only");
            }
        }
        String table = CqlIdentifier.fromInternal(request.keyspace()).asCql(true) + "."
                + CqlIdentifier.fromInternal(request.table()).asCql(true);
        List<SelectedColumn> all = new ArrayList<>();
        try {
            PreparedStatement prepared = connector.jWithSessionDo(session -> session.prepare("SELECT * FROM " + table));
            for (ColumnDefinition d : prepared.getResultSetDefinitions()) {
                all.add(new SelectedColumn(d.getName().asInternal(), d.getType()));
            }
        } catch (InvalidQueryException e) {
            throw new JobInputException("Cannot read " + request.keyspace() + "." + request.table() + ": " + e.getMessage());
        }
        if (request.columns().isEmpty()) {
            return all;
        }
        List<SelectedColumn> chosen = new ArrayList<>();
        for (String name : request.columns()) {
            String unquoted = name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                    ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.strip();
            List<SelectedColumn> loose = all.stream().filter(c -> c.name().equalsIgnoreCase(unquoted)).toList();
            SelectedColumn column = all.stream().filter(c -> c.name().equals(unquoted)).findFirst()
                    .orElse(loose.size() == 1 ? loose.get(0) : null);
            if (column == null) {
                throw new JobInputException("--columns: " + request.keyspace() + "." + request.table() + " has no column "
                        + name + (loose.size() > 1 ? " (several differ only in case: quote the exact name)" : "")
                        + "; its columns are " + all.stream().map(SelectedColumn::name).collect(Collectors.joining(", ")));
            }
            chosen.add(column);
        }
        return chosen;
    }

    /** The table split into token ranges, read with the given row reader. */
    public <T> CassandraTableScanJavaRDD<T> rdd(RowReaderFactory<T> reader, List<SelectedColumn> columns) {
        CassandraTableScanJavaRDD<T> rdd = CassandraJavaUtil.javaFunctions(sc)
                .cassandraTable(request.keyspace(), request.table(), reader)
                .select(columns.stream().map(SelectedColumn::name).toArray(String[]::new));
        return configure(rdd);
    }

    /**
     * Exact row count: the connector's server-side count(*) per split, summed; any failed split fails the count.
     * What cassandraCount() does (its countRDD, reduced), unrolled so that the splits file describes the very
     * partitions the count's tasks read: planning them again could differ (size estimates change).
     */
    public long count(SplitsFile splitsFile) {
        CassandraTableScanRDD<Object> counts = CassandraTableScanRDD.countRDD(
                configure(CassandraJavaUtil.javaFunctions(sc).cassandraTable(request.keyspace(), request.table())).rdd());
        splitsFile.write(() -> TaskRanges.of(counts));
        return (Long) counts.toJavaRDD().reduce((a, b) -> (Long) a + (Long) b);
    }

    private <T> CassandraTableScanJavaRDD<T> configure(CassandraTableScanJavaRDD<T> rdd) {
        CassandraTableScanJavaRDD<T> configured = rdd.withConnector(connector).withReadConf(readConf);
        if (request.where() != null && !request.where().isBlank()) {
            // The connector adds ALLOW FILTERING itself where a condition needs it; the CLI's form may carry it.
            String where = ALLOW_FILTERING.matcher(request.where().strip()).replaceFirst("");
            configured = configured.where(where);
        }
        LOG.info("Reading {}.{} with {} splits", request.keyspace(), request.table(),
                readConf.splitCount().isDefined() ? readConf.splitCount().get() : "size-based");
        return configured;
    }
}
