package dev.ringside.sink;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/** The Parquet schema of an export, from the columns' CQL types (see docs/type-mapping.md). */
public final class ParquetSchemas {

    private ParquetSchemas() {
    }

    public static MessageType of(List<ExportColumn> columns) {
        List<Type> fields = new ArrayList<>();
        for (ExportColumn c : columns) {
            fields.add(field(c.name(), c.type(), Repetition.OPTIONAL));
        }
        return new MessageType("row", fields);
    }

    static Type field(String name, DataType type, Repetition repetition) {
        if (type instanceof ListType l) {
            return list(name, l.getElementType(), repetition);
        }
        if (type instanceof SetType s) {
            return list(name, s.getElementType(), repetition);
        }
        if (type instanceof VectorType v) {
            return list(name, v.getElementType(), repetition);
        }
        if (type instanceof MapType m) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup()
                            .addField(field("key", m.getKeyType(), Repetition.REQUIRED))
                            .addField(field("value", m.getValueType(), Repetition.OPTIONAL))
                            .named("key_value"))
                    .named(name);
        }
        if (type instanceof UserDefinedType u) {
            Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
            for (int i = 0; i < u.getFieldNames().size(); i++) {
                group.addField(field(u.getFieldNames().get(i).asInternal(), u.getFieldTypes().get(i), Repetition.OPTIONAL));
            }
            return group.named(name);
        }
        if (type instanceof TupleType t) {
            Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
            for (int i = 0; i < t.getComponentTypes().size(); i++) {
                group.addField(field("_" + (i + 1), t.getComponentTypes().get(i), Repetition.OPTIONAL));
            }
            return group.named(name);
        }
        return scalar(name, type, repetition);
    }

    private static Type list(String name, DataType element, Repetition repetition) {
        return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(field("element", element, Repetition.OPTIONAL)).named("list"))
                .named(name);
    }

    private static Type scalar(String name, DataType type, Repetition r) {
        if (type.equals(DataTypes.BIGINT) || type.equals(DataTypes.COUNTER)) {
            return Types.primitive(PrimitiveTypeName.INT64, r).named(name);
        }
        if (type.equals(DataTypes.INT)) {
            return Types.primitive(PrimitiveTypeName.INT32, r).named(name);
        }
        if (type.equals(DataTypes.SMALLINT)) {
            return Types.primitive(PrimitiveTypeName.INT32, r).as(LogicalTypeAnnotation.intType(16, true)).named(name);
        }
        if (type.equals(DataTypes.TINYINT)) {
            return Types.primitive(PrimitiveTypeName.INT32, r).as(LogicalTypeAnnotation.intType(8, true)).named(name);
        }
        if (type.equals(DataTypes.BOOLEAN)) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, r).named(name);
        }
        if (type.equals(DataTypes.FLOAT)) {
            return Types.primitive(PrimitiveTypeName.FLOAT, r).named(name);
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return Types.primitive(PrimitiveTypeName.DOUBLE, r).named(name);
        }
        if (type.equals(DataTypes.BLOB)) {
            return Types.primitive(PrimitiveTypeName.BINARY, r).named(name);
        }
        if (type.equals(DataTypes.DATE)) {
            return Types.primitive(PrimitiveTypeName.INT32, r).as(LogicalTypeAnnotation.dateType()).named(name);
        }
        if (type.equals(DataTypes.TIME)) {
            return Types.primitive(PrimitiveTypeName.INT64, r).as(LogicalTypeAnnotation.timeType(false, TimeUnit.NANOS)).named(name);
        }
        if (type.equals(DataTypes.TIMESTAMP)) {
            return Types.primitive(PrimitiveTypeName.INT64, r).as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named(name);
        }
        if (type.equals(DataTypes.UUID) || type.equals(DataTypes.TIMEUUID)) {
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, r).length(16).as(LogicalTypeAnnotation.uuidType()).named(name);
        }
        // text, ascii, varchar; and decimal, varint, duration, inet as their exact text
        return Types.primitive(PrimitiveTypeName.BINARY, r).as(LogicalTypeAnnotation.stringType()).named(name);
    }
}
