package dev.ringside.app.history;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a past job did; written in {@code history.json} as {@code "count"} or {@code "export"}. */
public enum JobKind {
    @JsonProperty("count") COUNT,
    @JsonProperty("export") EXPORT
}
