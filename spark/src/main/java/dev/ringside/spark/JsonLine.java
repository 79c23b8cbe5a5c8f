package dev.ringside.spark;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One row as one JSON object, every column present, in the selected order (written by Spark's text writer). */
final class JsonLine {

    private JsonLine() {
    }

    static String of(Row row) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = CqlForms.JSON.createGenerator(w)) {
            g.writeStartObject();
            for (int i = 0; i < row.size(); i++) {
                g.writeFieldName(row.getColumnDefinitions().get(i).getName().asInternal());
                CqlForms.write(g, row.getObject(i));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
