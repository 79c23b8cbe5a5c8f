package dev.ringside.sink;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.detach.AttachmentPoint;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.datastax.oss.driver.internal.core.cql.DefaultColumnDefinition;
import com.datastax.oss.driver.internal.core.cql.DefaultColumnDefinitions;
import com.datastax.oss.driver.internal.core.cql.DefaultRow;
import com.datastax.oss.driver.internal.core.type.DataTypeHelper;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.RawType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV and JSON Lines writers, which write most values straight from the wire, produce the very bytes of the
 * reference: each value decoded by the driver, turned to text by CqlText and JsonValues, and printed by commons-csv
 * (CSV) or Jackson over a Writer (JSON Lines), as the writers did before. Rows are the driver's own row class over
 * encoded values, as Cassandra sends them; null and empty values included.
 */
class TextWritersMatchTheReferenceTest {

    @TempDir
    Path dir;

    private static final int[] CODES = {ProtocolConstants.DataType.UUID, ProtocolConstants.DataType.TIMESTAMP,
            ProtocolConstants.DataType.VARCHAR, ProtocolConstants.DataType.ASCII, ProtocolConstants.DataType.INT,
            ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.SMALLINT, ProtocolConstants.DataType.TINYINT,
            ProtocolConstants.DataType.DOUBLE, ProtocolConstants.DataType.FLOAT, ProtocolConstants.DataType.BOOLEAN,
            ProtocolConstants.DataType.DATE, ProtocolConstants.DataType.TIME, ProtocolConstants.DataType.BLOB,
            ProtocolConstants.DataType.DECIMAL, ProtocolConstants.DataType.COUNTER, ProtocolConstants.DataType.TIMEUUID};

    private final Random random = new Random(42);

    private List<RawType> rawTypes() {
        List<RawType> types = new ArrayList<>();
        for (int code : CODES) {
            types.add(RawType.PRIMITIVES.get(code));
        }
        types.add(new RawType.RawSet(RawType.PRIMITIVES.get(ProtocolConstants.DataType.VARCHAR)));
        types.add(new RawType.RawList(RawType.PRIMITIVES.get(ProtocolConstants.DataType.INT)));
        types.add(new RawType.RawList(RawType.PRIMITIVES.get(ProtocolConstants.DataType.VARCHAR)));
        types.add(new RawType.RawSet(RawType.PRIMITIVES.get(ProtocolConstants.DataType.UUID)));
        types.add(new RawType.RawList(RawType.PRIMITIVES.get(ProtocolConstants.DataType.TIMESTAMP)));
        types.add(new RawType.RawSet(RawType.PRIMITIVES.get(ProtocolConstants.DataType.BIGINT)));
        types.add(new RawType.RawList(RawType.PRIMITIVES.get(ProtocolConstants.DataType.DOUBLE)));
        return types;
    }

    private Object randomValue(DataType type) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        return switch (type.getProtocolCode()) {
            case ProtocolConstants.DataType.UUID -> new UUID(random.nextLong(), random.nextLong());
            case ProtocolConstants.DataType.TIMEUUID -> UUID.fromString("8b2a6f9e-7d0e-11ee-b962-0242ac120002");
            case ProtocolConstants.DataType.TIMESTAMP -> Instant.ofEpochMilli(random.nextLong() >> random.nextInt(24));
            case ProtocolConstants.DataType.VARCHAR -> text();
            case ProtocolConstants.DataType.ASCII -> "ascii \"quoted\", ok";
            case ProtocolConstants.DataType.INT -> random.nextInt();
            case ProtocolConstants.DataType.BIGINT, ProtocolConstants.DataType.COUNTER -> random.nextLong();
            case ProtocolConstants.DataType.SMALLINT -> (short) random.nextInt();
            case ProtocolConstants.DataType.TINYINT -> (byte) random.nextInt();
            case ProtocolConstants.DataType.DOUBLE -> random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 1e6;
            case ProtocolConstants.DataType.FLOAT -> random.nextFloat();
            case ProtocolConstants.DataType.BOOLEAN -> random.nextBoolean();
            case ProtocolConstants.DataType.DATE -> LocalDate.ofEpochDay(random.nextInt(4_000_000) - 2_000_000);
            case ProtocolConstants.DataType.TIME -> LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L));
            case ProtocolConstants.DataType.BLOB -> ByteBuffer.wrap(new byte[]{1, 2, (byte) random.nextInt()});
            case ProtocolConstants.DataType.DECIMAL -> new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(10));
            case ProtocolConstants.DataType.SET, ProtocolConstants.DataType.LIST -> {
                DataType element = type instanceof com.datastax.oss.driver.api.core.type.SetType st ? st.getElementType()
                        : ((com.datastax.oss.driver.api.core.type.ListType) type).getElementType();
                java.util.Collection<Object> items = type.getProtocolCode() == ProtocolConstants.DataType.SET
                        ? new LinkedHashSet<>() : new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    Object item = randomValue(element);
                    if (item != null) {
                        items.add(item);
                    }
                }
                yield items;
            }
            default -> throw new IllegalStateException("no value for " + type);
        };
    }

    private String text() {
        String[] parts = {"", "plain", "Näme Ü", "日本", "😀", "\"", ",", "\r\n", "\\", "\t", "\u0001", "NULL"};
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }

    private List<Row> rows(List<RawType> rawTypes, int count) {
        List<ColumnDefinition> defs = new ArrayList<>();
        for (int i = 0; i < rawTypes.size(); i++) {
            defs.add(new DefaultColumnDefinition(new ColumnSpec("ks", "t", "c" + i, i, rawTypes.get(i)), AttachmentPoint.NONE));
        }
        var definitions = DefaultColumnDefinitions.valueOf(defs);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            List<ByteBuffer> data = new ArrayList<>();
            for (ColumnDefinition d : defs) {
                Object v = randomValue(d.getType());
                ByteBuffer bytes = v == null ? null : CodecRegistry.DEFAULT.codecFor(d.getType()).encode(v, ProtocolVersion.DEFAULT);
                if (v == null && random.nextBoolean() && d.getType().getProtocolCode() == ProtocolConstants.DataType.INT) {
                    bytes = ByteBuffer.allocate(0); // a legacy empty int: the driver reads null
                }
                data.add(bytes);
            }
            rows.add(new DefaultRow(definitions, data, AttachmentPoint.NONE));
        }
        return rows;
    }

    private List<ExportColumn> columns(List<RawType> rawTypes) {
        List<ExportColumn> columns = new ArrayList<>();
        for (int i = 0; i < rawTypes.size(); i++) {
            columns.add(new ExportColumn(i == 2 ? "Näme \"q\"" : "c" + i, DataTypeHelper.fromProtocolSpec(rawTypes.get(i), AttachmentPoint.NONE)));
        }
        return columns;
    }

    @Test
    void csvInEveryDialectIsByteForByteTheReference() throws IOException {
        List<RawType> types = rawTypes();
        List<Row> rows = rows(types, 3000);
        List<CsvOptions> dialects = List.of(CsvOptions.defaults(), new CsvOptions(false, ';', '\'', '\\', "NULL", false),
                new CsvOptions(true, '\t', '"', null, "\\N", false), new CsvOptions(true, '§', '«', null, "", false),
                // Quote and escape characters that numbers, dates and UUIDs contain: those values are scanned too.
                new CsvOptions(true, ',', '.', '-', "", false), new CsvOptions(true, ';', '0', null, "", false));
        for (CsvOptions options : dialects) {
            Path file = dir.resolve("out.csv");
            try (CsvFileWriter w = new CsvFileWriter(file, columns(types), options, false)) {
                for (Row row : rows) {
                    w.write(row);
                }
                assertThat(w.rowsWritten()).isEqualTo(rows.size());
            }
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(options.toString())
                    .isEqualTo(referenceCsv(columns(types), rows, options));
        }
    }

    @Test
    void jsonLinesIsByteForByteTheReference() throws IOException {
        List<RawType> types = rawTypes();
        List<Row> rows = rows(types, 3000);
        Path file = dir.resolve("out.jsonl");
        try (JsonLinesFileWriter w = new JsonLinesFileWriter(file, columns(types), new JsonLinesOptions(), false)) {
            for (Row row : rows) {
                w.write(row);
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(referenceJson(columns(types), rows));
    }

    @Test
    void aResumedFileAppendsWithoutASecondHeader() throws IOException {
        List<RawType> types = rawTypes();
        List<Row> rows = rows(types, 10);
        Path file = dir.resolve("resumed.csv");
        try (CsvFileWriter w = new CsvFileWriter(file, columns(types), CsvOptions.defaults(), false)) {
            w.write(rows.get(0));
            assertThat(w.commit()).isEqualTo(Files.size(file));
        }
        try (CsvFileWriter w = new CsvFileWriter(file, columns(types), CsvOptions.defaults(), true)) {
            for (Row row : rows.subList(1, rows.size())) {
                w.write(row);
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(referenceCsv(columns(types), rows, CsvOptions.defaults()));
    }

    /** The CSV writer as it was: commons-csv over a Writer, CqlText scalars, JSON text for the rest. */
    private static String referenceCsv(List<ExportColumn> columns, List<Row> rows, CsvOptions options) throws IOException {
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setQuote(options.quote())
                .setRecordSeparator("\r\n").setNullString(options.nullString()).setQuoteMode(QuoteMode.ALL_NON_NULL);
        if (options.escape() != null) {
            format.setEscape(options.escape());
        }
        StringBuilder s = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(s, format.get())) {
            if (options.header()) {
                p.printRecord(columns.stream().map(ExportColumn::name).toArray());
            }
            for (Row row : rows) {
                Object[] record = new Object[columns.size()];
                for (int i = 0; i < record.length; i++) {
                    Object v = row.getObject(i);
                    String scalar = v == null ? null : CqlText.scalar(v);
                    record[i] = v == null ? null : scalar != null ? scalar : json(v);
                }
                p.printRecord(Arrays.asList(record));
            }
        }
        return s.toString();
    }

    private static String json(Object v) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            JsonValues.write(g, v);
        }
        return w.toString();
    }

    /** The JSON Lines writer as it was: Jackson over a Writer, every value through JsonValues. */
    private static String referenceJson(List<ExportColumn> columns, List<Row> rows) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.setRootValueSeparator(null);
            for (Row row : rows) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeFieldName(columns.get(i).name());
                    JsonValues.write(g, row.getObject(i));
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        return w.toString();
    }

    @Test
    void theReferenceRowsHoldWhatWasEncoded() {
        List<RawType> types = rawTypes();
        Row row = rows(types, 1).get(0);
        assertThat(row.size()).isEqualTo(types.size());
        Set<Integer> codes = new java.util.HashSet<>();
        for (int i = 0; i < row.size(); i++) {
            codes.add(row.getType(i).getProtocolCode());
        }
        assertThat(codes).contains(ProtocolConstants.DataType.SET, ProtocolConstants.DataType.DECIMAL);
    }
}
