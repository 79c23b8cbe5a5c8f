package dev.ringside.app.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.engine.RangeJobOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The history keeps "auto" parallelism and its maximum, and reads files written before either existed. */
class RangeOptionsEntryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void autoAndItsMaximumComeBackFromTheFile() throws Exception {
        RangeJobOptions auto = RangeJobOptions.defaults().withSplits(512).withMaxParallelism(12);
        String text = json.writeValueAsString(RangeOptionsEntry.of(auto));
        RangeJobOptions back = json.readValue(text, RangeOptionsEntry.class).toOptions();
        assertThat(back).isEqualTo(auto);
        assertThat(back.autoParallelism()).isTrue();
        assertThat(back.maxParallelism()).isEqualTo(12);

        RangeJobOptions fixed = RangeJobOptions.defaults().withParallelism(7);
        assertThat(json.readValue(json.writeValueAsString(RangeOptionsEntry.of(fixed)), RangeOptionsEntry.class)
                .toOptions()).isEqualTo(fixed);
    }

    @Test
    void anOlderEntryWithoutAMaximumIsAutoWithTheDefaultCeiling() throws Exception {
        String older = "{\"splits\":256,\"parallelism\":0,\"consistency\":\"LOCAL_ONE\",\"rangeTimeoutMillis\":60000,"
                + "\"maxAttempts\":4,\"startToken\":null,\"endToken\":null}";
        RangeJobOptions back = json.readValue(older, RangeOptionsEntry.class).toOptions();
        assertThat(back.autoParallelism()).isTrue();
        assertThat(back.maxParallelism()).isZero();
    }
}
