package dev.ringside.app.history;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a past job ended; written in {@code history.json} in lower case, as the first format did. */
public enum JobState {
    @JsonProperty("complete") COMPLETE,
    @JsonProperty("incomplete") INCOMPLETE,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("failed") FAILED,
    /** Not run here: job settings imported from a shared file, to be run with Re-run. */
    @JsonProperty("imported") IMPORTED
}
