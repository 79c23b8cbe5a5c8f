package dev.ringside.testing;

import com.datastax.oss.driver.api.core.data.CqlDuration;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One canonical form per CQL value, reached from two independent sides: the driver's Java value (what the table
 * holds) and what DuckDB read from an exported file (text or JSON). Written from the documented type mapping, not
 * from the sinks' code, so a sink that writes the wrong form fails the comparison.
 */
public final class CanonicalValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalValues() {
    }

    /** The canonical form of a driver value of the given type. */
    public static JsonNode expected(DataType type, Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (type instanceof ListType l) {
            return array(l.getElementType(), (Collection<?>) value);
        }
        if (type instanceof SetType s) {
            return array(s.getElementType(), (Collection<?>) value);
        }
        if (type instanceof VectorType v) {
            ArrayNode a = NODES.arrayNode();
            for (Object e : (CqlVector<?>) value) {
                a.add(expected(v.getElementType(), e));
            }
            return a;
        }
        if (type instanceof MapType m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                o.set(expected(m.getKeyType(), e.getKey()).asText(), expected(m.getValueType(), e.getValue()));
            }
            return o;
        }
        if (type instanceof UserDefinedType u) {
            UdtValue udt = (UdtValue) value;
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < u.getFieldTypes().size(); i++) {
                o.set(u.getFieldNames().get(i).asInternal(), expected(u.getFieldTypes().get(i), udt.getObject(i)));
            }
            return o;
        }
        if (type instanceof TupleType t) {
            TupleValue tuple = (TupleValue) value;
            ArrayNode a = NODES.arrayNode();
            for (int i = 0; i < t.getComponentTypes().size(); i++) {
                a.add(expected(t.getComponentTypes().get(i), tuple.getObject(i)));
            }
            return a;
        }
        return TextNode.valueOf(scalarExpected(type, value));
    }

    private static ArrayNode array(DataType element, Collection<?> values) {
        ArrayNode a = NODES.arrayNode();
        for (Object e : values) {
            a.add(expected(element, e));
        }
        return a;
    }

    private static String scalarExpected(DataType type, Object v) {
        if (type.equals(DataTypes.TIMESTAMP)) {
            return Long.toString(((Instant) v).toEpochMilli());
        }
        if (type.equals(DataTypes.TIME)) {
            return Long.toString(((LocalTime) v).toNanoOfDay());
        }
        if (type.equals(DataTypes.BLOB)) {
            ByteBuffer b = ((ByteBuffer) v).duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return HEX.formatHex(bytes);
        }
        if (type.equals(DataTypes.DECIMAL)) {
            return decimal((BigDecimal) v);
        }
        if (type.equals(DataTypes.FLOAT)) {
            return Float.toString((Float) v);
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return Double.toString((Double) v);
        }
        if (type.equals(DataTypes.INET)) {
            return ((InetAddress) v).getHostAddress();
        }
        return v.toString();
    }

    /**
     * The canonical form of a value DuckDB read. {@code node} is a JSON value (a JSON Lines field, DuckDB's
     * {@code to_json} of a Parquet column, or a CSV cell's JSON text for collections) or a text node for scalars
     * read as text. {@code tupleAsObject} is set for Parquet, where tuples are groups with fields _1, _2 …
     */
    public static JsonNode actual(DataType type, JsonNode node, Source source) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullNode.getInstance();
        }
        if (type instanceof ListType l) {
            return array(l.getElementType(), node, source);
        }
        if (type instanceof SetType s) {
            return array(s.getElementType(), node, source);
        }
        if (type instanceof VectorType v) {
            return array(v.getElementType(), node, source);
        }
        if (type instanceof MapType m) {
            ObjectNode o = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(scalarActual(m.getKeyType(), e.getKey(), source), actual(m.getValueType(), e.getValue(), source));
            }
            return o;
        }
        if (type instanceof UserDefinedType u) {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < u.getFieldTypes().size(); i++) {
                String name = u.getFieldNames().get(i).asInternal();
                o.set(name, actual(u.getFieldTypes().get(i), node.get(name), source));
            }
            return o;
        }
        if (type instanceof TupleType t) {
            ArrayNode a = NODES.arrayNode();
            for (int i = 0; i < t.getComponentTypes().size(); i++) {
                JsonNode component = node.isArray() ? node.get(i) : node.get("_" + (i + 1));
                a.add(actual(t.getComponentTypes().get(i), component, source));
            }
            return a;
        }
        String text = node.isBigDecimal() || node.isBigInteger() ? node.numberValue().toString() : node.asText();
        return TextNode.valueOf(scalarActual(type, text, source));
    }

    private static ArrayNode array(DataType element, JsonNode node, Source source) {
        ArrayNode a = NODES.arrayNode();
        for (JsonNode e : node) {
            a.add(actual(element, e, source));
        }
        return a;
    }

    /**
     * Parses JSON keeping every number exactly as written: integers as BigInteger, fractions as BigDecimal, and a
     * negative zero (which BigDecimal cannot hold) as the double -0.0.
     */
    public static JsonNode parse(String json) {
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            p.nextToken();
            return node(p);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode node(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        switch (p.currentToken()) {
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    a.add(node(p));
                }
                return a;
            }
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, node(p));
                }
                return o;
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(new BigInteger(p.getText()));
            }
            case VALUE_NUMBER_FLOAT -> {
                String text = p.getText();
                BigDecimal d = new BigDecimal(text);
                return d.signum() == 0 && text.startsWith("-") ? NODES.numberNode(-0.0d) : NODES.numberNode(d);
            }
            case VALUE_STRING -> {
                return TextNode.valueOf(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            default -> throw new AssertionError("unexpected JSON token " + p.currentToken());
        }
    }

    /** Where a scalar's text came from: each format has its documented text for some types. */
    public enum Source { CSV, JSON, PARQUET }

    static String scalarActual(DataType type, String text, Source source) {
        if (type.equals(DataTypes.TIMESTAMP)) {
            return source == Source.PARQUET ? text : Long.toString(Instant.parse(text).toEpochMilli());
        }
        if (type.equals(DataTypes.TIME)) {
            return Long.toString(LocalTime.parse(text).toNanoOfDay());
        }
        if (type.equals(DataTypes.DATE)) {
            return LocalDate.parse(text).toString();
        }
        if (type.equals(DataTypes.BLOB)) {
            return switch (source) {
                case CSV -> {
                    if (!text.startsWith("0x")) {
                        throw new AssertionError("CSV blob without 0x prefix: " + text);
                    }
                    yield text.substring(2).toLowerCase(Locale.ROOT);
                }
                case JSON -> HEX.formatHex(Base64.getDecoder().decode(text));
                case PARQUET -> text.toLowerCase(Locale.ROOT);
            };
        }
        if (type.equals(DataTypes.DECIMAL)) {
            return decimal(new BigDecimal(text));
        }
        if (type.equals(DataTypes.VARINT) || type.equals(DataTypes.BIGINT) || type.equals(DataTypes.INT)
                || type.equals(DataTypes.SMALLINT) || type.equals(DataTypes.TINYINT) || type.equals(DataTypes.COUNTER)) {
            return new BigInteger(text).toString();
        }
        if (type.equals(DataTypes.FLOAT)) {
            return Float.toString(Float.parseFloat(special(text)));
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return Double.toString(Double.parseDouble(special(text)));
        }
        if (type.equals(DataTypes.UUID) || type.equals(DataTypes.TIMEUUID)) {
            return UUID.fromString(text).toString();
        }
        if (type.equals(DataTypes.BOOLEAN)) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new AssertionError("not a boolean: " + text);
            }
            return text.toLowerCase(Locale.ROOT);
        }
        if (type.equals(DataTypes.INET)) {
            try {
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException e) {
                throw new AssertionError("not an IP literal: " + text, e);
            }
        }
        if (type.equals(DataTypes.DURATION)) {
            return CqlDuration.from(text).toString();
        }
        return text;
    }

    /** Decimals compare by value: 1.50 and 1.5 are the same number; 1.5 and 1.4999999 are not. */
    private static String decimal(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** DuckDB spells infinities and NaN its own way. */
    private static String special(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
            case "-inf", "-infinity" -> "-Infinity";
            case "nan", "-nan" -> "NaN";
            default -> text;
        };
    }
}
