package dev.ringside.engine.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRangeTest {

    @Test
    void wrapAroundRangeBecomesTwoPartsCoveringTheMinimumToken() {
        List<TokenRange> parts = TokenRange.ofRing(100, -100);
        assertThat(parts).containsExactly(TokenRange.of(100, Long.MAX_VALUE), TokenRange.of(Long.MIN_VALUE, -100));
        // Every token but the minimum (which no row has) and the 200 of (-100, 100].
        assertThat(parts.get(0).span().add(parts.get(1).span())).isEqualTo(TokenRange.RING_SIZE.subtract(BigInteger.valueOf(201)));
    }

    @Test
    void oneTokenRingIsTheWholeRing() {
        List<TokenRange> parts = TokenRange.ofRing(42, 42);
        assertThat(parts.stream().map(TokenRange::span).reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(TokenRange.RING_SIZE.subtract(BigInteger.ONE));
    }

    @Test
    void tokenAtMaximumOwnsOnlyTheLowerPart() {
        assertThat(TokenRange.ofRing(Long.MAX_VALUE, 0)).containsExactly(TokenRange.of(Long.MIN_VALUE, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
    void splitPartsAreContiguousAndKeepTheSpan(int parts) {
        TokenRange range = TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE);
        List<TokenRange> split = range.split(parts);
        assertThat(split).hasSize(parts);
        assertThat(split.get(0).start()).isEqualTo(Long.MIN_VALUE);
        assertThat(split.get(parts - 1).end()).isEqualTo(Long.MAX_VALUE);
        for (int i = 1; i < parts; i++) {
            assertThat(split.get(i).start()).isEqualTo(split.get(i - 1).end());
        }
        assertThat(split.stream().map(TokenRange::span).reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(range.span());
    }

    @Test
    void tinyRangeSplitsIntoAtMostItsTokens() {
        assertThat(TokenRange.of(10, 13).split(100)).containsExactly(TokenRange.of(10, 11), TokenRange.of(11, 12), TokenRange.of(12, 13));
    }

    @Test
    void emptyRangeIsRejected() {
        assertThatThrownBy(() -> TokenRange.of(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
