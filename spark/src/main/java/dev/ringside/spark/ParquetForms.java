package dev.ringside.spark;

import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Spark SQL types and values for the Parquet forms of docs/type-mapping.md. Where Spark has no such Parquet type,
 * the job writes a lossless stand-in (README, "Type mapping differences"): uuid as its text, time as INT64
 * nanoseconds of the day. decimal and varint are plain-digit strings as in Ringside's export.
 */
public final class ParquetForms {

    private ParquetForms() {
    }

    public static org.apache.spark.sql.types.DataType sparkType(DataType cql) {
        if (cql instanceof ListType l) {
            return org.apache.spark.sql.types.DataTypes.createArrayType(sparkType(l.getElementType()), true);
        }
        if (cql instanceof SetType s) {
            return org.apache.spark.sql.types.DataTypes.createArrayType(sparkType(s.getElementType()), true);
        }
        if (cql instanceof VectorType v) {
            return org.apache.spark.sql.types.DataTypes.createArrayType(sparkType(v.getElementType()), true);
        }
        if (cql instanceof MapType m) {
            return org.apache.spark.sql.types.DataTypes.createMapType(sparkType(m.getKeyType()), sparkType(m.getValueType()), true);
        }
        if (cql instanceof UserDefinedType u) {
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < u.getFieldNames().size(); i++) {
                fields.add(org.apache.spark.sql.types.DataTypes.createStructField(u.getFieldNames().get(i).asInternal(),
                        sparkType(u.getFieldTypes().get(i)), true));
            }
            return org.apache.spark.sql.types.DataTypes.createStructType(fields);
        }
        if (cql instanceof TupleType t) {
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < t.getComponentTypes().size(); i++) {
                fields.add(org.apache.spark.sql.types.DataTypes.createStructField("_" + (i + 1), sparkType(t.getComponentTypes().get(i)), true));
            }
            return org.apache.spark.sql.types.DataTypes.createStructType(fields);
        }
        return scalarType(cql);
    }

    private static org.apache.spark.sql.types.DataType scalarType(DataType cql) {
        if (cql.equals(DataTypes.BOOLEAN)) {
            return org.apache.spark.sql.types.DataTypes.BooleanType;
        } else if (cql.equals(DataTypes.TINYINT)) {
            return org.apache.spark.sql.types.DataTypes.ByteType;
        } else if (cql.equals(DataTypes.SMALLINT)) {
            return org.apache.spark.sql.types.DataTypes.ShortType;
        } else if (cql.equals(DataTypes.INT)) {
            return org.apache.spark.sql.types.DataTypes.IntegerType;
        } else if (cql.equals(DataTypes.BIGINT) || cql.equals(DataTypes.COUNTER) || cql.equals(DataTypes.TIME)) {
            return org.apache.spark.sql.types.DataTypes.LongType;
        } else if (cql.equals(DataTypes.FLOAT)) {
            return org.apache.spark.sql.types.DataTypes.FloatType;
        } else if (cql.equals(DataTypes.DOUBLE)) {
            return org.apache.spark.sql.types.DataTypes.DoubleType;
        } else if (cql.equals(DataTypes.TIMESTAMP)) {
            return org.apache.spark.sql.types.DataTypes.TimestampType;
        } else if (cql.equals(DataTypes.DATE)) {
            return org.apache.spark.sql.types.DataTypes.DateType;
        } else if (cql.equals(DataTypes.BLOB)) {
            return org.apache.spark.sql.types.DataTypes.BinaryType;
        }
        // text, ascii, varint, decimal, uuid, timeuuid, inet, duration: strings (see the class comment).
        return org.apache.spark.sql.types.DataTypes.StringType;
    }

    /** A driver value as the external Spark value of {@link #sparkType} (java.time values: the job turns on the Java 8 API). */
    public static Object value(DataType cql, Object value) {
        if (value == null) {
            return null;
        }
        if (cql instanceof ListType l) {
            return list(l.getElementType(), (Collection<?>) value);
        }
        if (cql instanceof SetType s) {
            return list(s.getElementType(), (Collection<?>) value);
        }
        if (cql instanceof VectorType v) {
            List<Object> out = new ArrayList<>();
            for (Object e : (CqlVector<?>) value) {
                out.add(value(v.getElementType(), e));
            }
            return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
        }
        if (cql instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.put(value(m.getKeyType(), e.getKey()), value(m.getValueType(), e.getValue()));
            }
            return scala.jdk.javaapi.CollectionConverters.asScala(out);
        }
        if (cql instanceof UserDefinedType u) {
            UdtValue udt = (UdtValue) value;
            Object[] fields = new Object[u.getFieldTypes().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = value(u.getFieldTypes().get(i), udt.getObject(i));
            }
            return RowFactory.create(fields);
        }
        if (cql instanceof TupleType t) {
            TupleValue tuple = (TupleValue) value;
            Object[] fields = new Object[t.getComponentTypes().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = value(t.getComponentTypes().get(i), tuple.getObject(i));
            }
            return RowFactory.create(fields);
        }
        if (value instanceof LocalTime time) {
            return time.toNanoOfDay();
        }
        if (value instanceof ByteBuffer b) {
            return CqlForms.bytes(b);
        }
        if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof UUID || value instanceof InetAddress
                || value instanceof com.datastax.oss.driver.api.core.data.CqlDuration) {
            return CqlForms.scalar(value);
        }
        return value; // String, Boolean, Byte, Short, Integer, Long, Float, Double, Instant, LocalDate
    }

    private static Object list(DataType element, Collection<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object e : values) {
            out.add(value(element, e));
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
    }

    /** The Spark schema of the selected columns, in their order. */
    public static StructType schema(List<SelectedColumn> columns) {
        List<StructField> fields = new ArrayList<>();
        for (SelectedColumn c : columns) {
            fields.add(org.apache.spark.sql.types.DataTypes.createStructField(c.name(), sparkType(c.type()), true));
        }
        return org.apache.spark.sql.types.DataTypes.createStructType(fields);
    }

    /** A Spark row of the driver row's values. */
    public static Row row(com.datastax.oss.driver.api.core.cql.Row driverRow) {
        Object[] values = new Object[driverRow.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(driverRow.getColumnDefinitions().get(i).getType(), driverRow.getObject(i));
        }
        return RowFactory.create(values);
    }
}
