package dev.ringside.sink;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.sink.text.TextBuffer;
import dev.ringside.sink.text.WireText;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/type-mapping.md promises floats and doubles as the shortest text that reads back to the same bits. Java 17's
 * {@code Double.toString} does not always give it (1.0E23 comes out as 9.999999999999999E22), so CSV, JSON and the
 * browser must not rely on it.
 */
class ShortestDecimalsTest {

    private static String json(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonValues.factory().createGenerator(out, JsonEncoding.UTF8)) {
            JsonValues.write(g, value);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String wire(double d) {
        TextBuffer out = new TextBuffer(32);
        new WireText().append(ProtocolConstants.DataType.DOUBLE, TypeCodecs.DOUBLE.encode(d, ProtocolVersion.DEFAULT), out);
        return out.toString();
    }

    @Test
    void doublesAndFloatsAreTheShortestTextThatReadsBack() throws IOException {
        assertThat(CqlText.scalar(1.0E23)).isEqualTo("1.0E23");
        assertThat(CqlText.scalar(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
        assertThat(CqlText.scalar(2.8287938E17f)).isEqualTo("2.8287938E17");
        assertThat(wire(1.0E23)).isEqualTo("1.0E23");
        assertThat(json(1.0E23)).isEqualTo("1.0E23");
        assertThat(json(2.8287938E17f)).isEqualTo("2.8287938E17");
        assertThat(CqlText.scalar(0.1)).isEqualTo("0.1");
        assertThat(CqlText.scalar(-0.0)).isEqualTo("-0.0");
        assertThat(CqlText.scalar(Double.NaN)).isEqualTo("NaN");
        assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    }

    @Test
    void everyDoubleReadsBackToItsBitsAndTheTextsAgree() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d)) {
                continue;
            }
            String text = CqlText.scalar(d);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text).isEqualTo(Double.doubleToRawLongBits(d));
            assertThat(wire(d)).isEqualTo(text);
            if (!Double.isInfinite(d)) {
                assertThat(json(d)).isEqualTo(text);
            }
        }
    }
}
