package dev.ringside.engine;

import dev.ringside.engine.plan.RangePlanner;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one source of the range options' limits; its messages name no CLI flag (the front ends add their names). */
class RangeJobOptionsTest {

    private static RangeJobOptions of(int splits, int parallelism) {
        return new RangeJobOptions(splits, parallelism, Consistency.LOCAL_ONE, Duration.ofSeconds(60), 4,
                null, null);
    }

    @Test
    void limitsAtTheEdgesAreAccepted() {
        assertThat(of(1, 1).splits()).isEqualTo(1);
        assertThat(of(RangeJobOptions.MAX_SPLITS, RangeJobOptions.MAX_PARALLELISM).parallelism()).isEqualTo(1_024);
        assertThat(of(RangeJobOptions.MAX_SPLITS, 0).parallelism()).isZero(); // 0: the default
        assertThat(RangeJobOptions.MAX_SPLITS).isEqualTo(RangePlanner.MAX_SPLITS).isEqualTo(100_000);
    }

    @Test
    void beyondTheLimitsIsRefusedWithoutNamingAFlag() {
        assertThatThrownBy(() -> of(0, 0)).hasMessage("Splits must be between 1 and 100,000 (got 0); 256 is a good "
                + "start, more splits make smaller queries.");
        assertThatThrownBy(() -> of(100_001, 0)).hasMessageStartingWith("Splits must be between 1 and 100,000 (got 100,001)");
        assertThatThrownBy(() -> of(2000, 1025)).hasMessageStartingWith("Parallelism must be between 1 and 1,024 (got 1,025)");
        assertThatThrownBy(() -> of(256, -1)).hasMessageStartingWith("Parallelism must be between 1 and 1,024 (got -1)");
        assertThatThrownBy(() -> of(4, 8)).hasMessage("Parallelism (8) cannot be above the split count (4): lower the "
                + "parallelism or raise the splits.");
        assertThatThrownBy(() -> RangeJobOptions.defaults().withConsistency(Consistency.ANY))
                .hasMessageStartingWith("Consistency ANY is for writes only; choose one of LOCAL_ONE");
        assertThatThrownBy(() -> RangeJobOptions.defaults().withTokenBounds(5L, 5L))
                .hasMessageStartingWith("The start token (5) must be lower than the end token (5)");
        for (Runnable bad : new Runnable[] {() -> of(0, 0), () -> of(4, 8), () -> of(10, 2000),
                () -> RangeJobOptions.defaults().withTokenBounds(9L, 1L)}) {
            assertThatThrownBy(bad::run).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("--"));
        }
    }

    @Test
    void autoStartsAtTwicePerNodeAndStaysUnderItsMaximumAndTheRanges() {
        RangeJobOptions auto = RangeJobOptions.defaults();
        assertThat(auto.autoParallelism()).isTrue();
        assertThat(auto.parallelismFor(256, 3)).isEqualTo(new Parallelism(6, 24, true));
        assertThat(auto.withMaxParallelism(10).parallelismFor(256, 3)).isEqualTo(new Parallelism(6, 10, true));
        assertThat(auto.withMaxParallelism(4).parallelismFor(256, 3)).isEqualTo(new Parallelism(4, 4, true));
        assertThat(auto.parallelismFor(5, 3)).isEqualTo(new Parallelism(5, 5, true));
        assertThat(auto.withParallelism(8).parallelismFor(256, 3)).isEqualTo(Parallelism.fixed(8));
        assertThat(auto.withParallelism(8).parallelismFor(3, 3)).isEqualTo(Parallelism.fixed(3));
        assertThatThrownBy(() -> auto.withMaxParallelism(1025))
                .hasMessageStartingWith("The maximum parallelism must be between 1 and 1,024 (got 1,025)");
    }
}
