package dev.ringside.spark;

import com.datastax.spark.connector.ColumnRef;
import com.datastax.spark.connector.CassandraRowMetadata;
import com.datastax.spark.connector.cql.TableDef;
import com.datastax.spark.connector.rdd.reader.RowReader;
import com.datastax.spark.connector.rdd.reader.RowReaderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Option;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;

import java.io.Serializable;

/**
 * Reads the connector's driver rows straight into Spark rows of the job's forms, so that no value passes through
 * the connector's own conversions (which drop a decimal's scale, a varint's digits beyond 38 and a set's order).
 */
public final class SparkRowReaderFactory implements RowReaderFactory<Row>, Serializable {

    private final OutputFormat format;

    public SparkRowReaderFactory(OutputFormat format) {
        this.format = format;
    }

    @Override
    public RowReader<Row> rowReader(TableDef table, IndexedSeq<ColumnRef> selectedColumns) {
        return new Reader(format);
    }

    @Override
    public Class<Row> targetClass() {
        return Row.class;
    }

    private record Reader(OutputFormat format) implements RowReader<Row> {
        @Override
        public Row read(com.datastax.oss.driver.api.core.cql.Row row, CassandraRowMetadata metadata) {
            return switch (format) {
                case PARQUET -> ParquetForms.row(row);
                case CSV -> csv(row);
                case JSONL -> RowFactory.create(JsonLine.of(row));
            };
        }

        private static Row csv(com.datastax.oss.driver.api.core.cql.Row row) {
            Object[] cells = new Object[row.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = CqlForms.csvCell(row.getObject(i));
            }
            return RowFactory.create(cells);
        }

        @Override
        public Option<Seq<ColumnRef>> neededColumns() {
            return Option.empty(); // the job always names its columns (select)
        }
    }
}
