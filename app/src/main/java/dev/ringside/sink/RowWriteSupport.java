package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
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
import com.datastax.oss.protocol.internal.ProtocolConstants;
import dev.ringside.sink.text.CollectionItems;
import dev.ringside.sink.text.WireText;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes driver rows into Parquet records shaped by {@link ParquetSchemas}. Top-level scalars of fixed width, text
 * and blobs go from the bytes Cassandra sent to the primitive Parquet values without a boxed value per cell; the
 * rest through the driver's decoded values.
 */
final class RowWriteSupport extends WriteSupport<Row> {

    private final List<ExportColumn> columns;
    private final String[] names;
    private final int[] codes;
    private final boolean[] fromBytes;
    /** For a list or set of fixed-width values, text or blobs, its element's type code; else 0. */
    private final int[] elementFromBytes;
    private final MessageType schema;
    private RecordConsumer consumer;
    private final CollectionItems items = new CollectionItems();

    RowWriteSupport(List<ExportColumn> columns) {
        this.columns = columns;
        this.schema = ParquetSchemas.of(columns);
        this.names = columns.stream().map(ExportColumn::name).toArray(String[]::new);
        this.codes = columns.stream().mapToInt(c -> c.type().getProtocolCode()).toArray();
        this.fromBytes = new boolean[codes.length];
        this.elementFromBytes = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            fromBytes[i] = WireText.handles(codes[i]);
            DataType type = columns.get(i).type();
            DataType element = type instanceof ListType l ? l.getElementType() : type instanceof SetType st ? st.getElementType() : null;
            if (element != null && WireText.handles(element.getProtocolCode())) {
                elementFromBytes[i] = element.getProtocolCode();
            }
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
        consumer.startMessage();
        for (int i = 0; i < codes.length; i++) {
            if (fromBytes[i]) {
                ByteBuffer bytes = row.getBytesUnsafe(i);
                if (!WireText.isNull(codes[i], bytes)) {
                    consumer.startField(names[i], i);
                    primitive(codes[i], bytes);
                    consumer.endField(names[i], i);
                }
            } else if (elementFromBytes[i] != 0) {
                // A missing list or set reads as an empty one, as the driver gives it.
                consumer.startField(names[i], i);
                listFromBytes(elementFromBytes[i], row.getBytesUnsafe(i));
                consumer.endField(names[i], i);
            } else {
                Object value = row.getObject(i);
                if (value != null) {
                    field(names[i], i, columns.get(i).type(), value);
                }
            }
        }
        consumer.endMessage();
    }

    /**
     * A LIST group, as {@link #list} writes it, from a list's or set's bytes, read in place.
     */
    private void listFromBytes(int elementCode, ByteBuffer bytes) {
        consumer.startGroup();
        CollectionItems item = items.reset(bytes);
        if (item.next()) {
            consumer.startField("list", 0);
            do {
                consumer.startGroup();
                if (item.length() >= 0 && !WireText.isNull(elementCode, item.length())) {
                    consumer.startField("element", 0);
                    primitive(elementCode, bytes, item.offset(), item.length());
                    consumer.endField("element", 0);
                }
                consumer.endGroup();
            } while (item.next());
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }

    private void primitive(int code, ByteBuffer b) {
        primitive(code, b, b.position(), b.remaining());
    }

    /**
     * The value of the Parquet type ParquetSchemas gives this CQL type, read as the driver would from the
     * {@code length} bytes of {@code b} at {@code p}.
     */
    private void primitive(int code, ByteBuffer b, int p, int length) {
        switch (code) {
            case ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER, ProtocolConstants.DataType.TIME,
                 ProtocolConstants.DataType.TIMESTAMP -> consumer.addLong(b.getLong(p));
            case ProtocolConstants.DataType.INT -> consumer.addInteger(b.getInt(p));
            case ProtocolConstants.DataType.SMALLINT -> consumer.addInteger(b.getShort(p));
            case ProtocolConstants.DataType.TINYINT -> consumer.addInteger(b.get(p));
            case ProtocolConstants.DataType.BOOLEAN -> consumer.addBoolean(b.get(p) != 0);
            case ProtocolConstants.DataType.FLOAT -> consumer.addFloat(b.getFloat(p));
            case ProtocolConstants.DataType.DOUBLE -> consumer.addDouble(b.getDouble(p));
            // Days since the epoch, stored unsigned with 2^31 for the epoch.
            case ProtocolConstants.DataType.DATE -> consumer.addInteger(b.getInt(p) + Integer.MIN_VALUE);
            // Text is UTF-8 on the wire and in Parquet; a UUID is its 16 big-endian bytes in both.
            case ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.VARCHAR, ProtocolConstants.DataType.BLOB,
                 ProtocolConstants.DataType.UUID, ProtocolConstants.DataType.TIMEUUID -> consumer.addBinary(binary(b, p, length));
            default -> throw new IllegalArgumentException("Not a fixed-width type: " + code);
        }
    }

    /**
     * The bytes as a Binary that the row group may keep. The driver reads each top-level value into an array of its
     * own, which is used as it is; a part of a larger buffer (a collection's item, a page) is copied, so that the
     * row group does not keep the whole buffer alive or see it change.
     */
    private static Binary binary(ByteBuffer b, int p, int length) {
        if (b.hasArray() && b.arrayOffset() == 0 && p == 0 && length == b.array().length) {
            return Binary.fromConstantByteArray(b.array());
        }
        byte[] copy = new byte[length];
        b.get(p, copy);
        return Binary.fromConstantByteArray(copy);
    }

    private void field(String name, int index, DataType type, Object value) {
        consumer.startField(name, index);
        value(type, value);
        consumer.endField(name, index);
    }

    private void value(DataType type, Object value) {
        if (type instanceof ListType l) {
            list(l.getElementType(), (Collection<?>) value);
        } else if (type instanceof SetType s) {
            list(s.getElementType(), (Collection<?>) value);
        } else if (type instanceof VectorType v) {
            List<Object> items = new java.util.ArrayList<>();
            for (Object o : (CqlVector<?>) value) {
                items.add(o);
            }
            list(v.getElementType(), items);
        } else if (type instanceof MapType m) {
            consumer.startGroup();
            Map<?, ?> map = (Map<?, ?>) value;
            if (!map.isEmpty()) {
                consumer.startField("key_value", 0);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    consumer.startGroup();
                    field("key", 0, m.getKeyType(), e.getKey());
                    if (e.getValue() != null) {
                        field("value", 1, m.getValueType(), e.getValue());
                    }
                    consumer.endGroup();
                }
                consumer.endField("key_value", 0);
            }
            consumer.endGroup();
        } else if (type instanceof UserDefinedType u) {
            UdtValue udt = (UdtValue) value;
            consumer.startGroup();
            for (int i = 0; i < u.getFieldTypes().size(); i++) {
                Object v = udt.getObject(i);
                if (v != null) {
                    field(u.getFieldNames().get(i).asInternal(), i, u.getFieldTypes().get(i), v);
                }
            }
            consumer.endGroup();
        } else if (type instanceof TupleType t) {
            TupleValue tuple = (TupleValue) value;
            consumer.startGroup();
            for (int i = 0; i < t.getComponentTypes().size(); i++) {
                Object v = tuple.getObject(i);
                if (v != null) {
                    field("_" + (i + 1), i, t.getComponentTypes().get(i), v);
                }
            }
            consumer.endGroup();
        } else {
            scalar(type, value);
        }
    }

    private void list(DataType element, Collection<?> items) {
        consumer.startGroup();
        if (!items.isEmpty()) {
            consumer.startField("list", 0);
            for (Object item : items) {
                consumer.startGroup();
                if (item != null) {
                    field("element", 0, element, item);
                }
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }

    private void scalar(DataType type, Object value) {
        if (type.equals(DataTypes.BIGINT) || type.equals(DataTypes.COUNTER)) {
            consumer.addLong((Long) value);
        } else if (type.equals(DataTypes.INT) || type.equals(DataTypes.SMALLINT) || type.equals(DataTypes.TINYINT)) {
            consumer.addInteger(((Number) value).intValue());
        } else if (type.equals(DataTypes.BOOLEAN)) {
            consumer.addBoolean((Boolean) value);
        } else if (type.equals(DataTypes.FLOAT)) {
            consumer.addFloat((Float) value);
        } else if (type.equals(DataTypes.DOUBLE)) {
            consumer.addDouble((Double) value);
        } else if (type.equals(DataTypes.BLOB)) {
            consumer.addBinary(Binary.fromConstantByteArray(CqlText.bytes((ByteBuffer) value)));
        } else if (type.equals(DataTypes.DATE)) {
            consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
        } else if (type.equals(DataTypes.TIME)) {
            consumer.addLong(((LocalTime) value).toNanoOfDay());
        } else if (type.equals(DataTypes.TIMESTAMP)) {
            consumer.addLong(((Instant) value).toEpochMilli());
        } else if (type.equals(DataTypes.UUID) || type.equals(DataTypes.TIMEUUID)) {
            UUID u = (UUID) value;
            ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            consumer.addBinary(Binary.fromConstantByteArray(b.array()));
        } else if (value instanceof BigDecimal d) {
            consumer.addBinary(Binary.fromString(d.toPlainString()));
        } else if (value instanceof BigInteger i) {
            consumer.addBinary(Binary.fromString(i.toString()));
        } else {
            String text = CqlText.scalar(value);
            consumer.addBinary(Binary.fromString(text != null ? text : value.toString()));
        }
    }
}
