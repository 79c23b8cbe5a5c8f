package dev.ringside.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.sink.SinkOptions;

import java.util.Map;

/** Sink options as the plain map the checkpoint stores, built the way the checkpoint is read back so they compare. */
final class SinkOptionMaps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SinkOptionMaps() {
    }

    static Map<String, Object> toMap(SinkOptions options) {
        try {
            return JSON.readValue(JSON.writeValueAsString(options), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sink options not serializable", e);
        }
    }
}
