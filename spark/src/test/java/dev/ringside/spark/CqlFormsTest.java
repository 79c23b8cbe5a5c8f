package dev.ringside.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floating-point values get the shortest text that reads back to them, as Ringside's own export writes them
 * (docs/type-mapping.md); Java 17's {@code Double.toString} is longer for some (a CI run's random type fixture drew
 * -1.1100299264152623E18, which Java 17 prints -1.11002992641526234E18) and wrong for 1.0E23.
 */
class CqlFormsTest {

    @Test
    void doublesAndFloatsAreTheShortestTextThatReadsBack() {
        assertThat(CqlForms.scalar(-1.1100299264152623E18)).isEqualTo("-1.1100299264152623E18");
        assertThat(CqlForms.scalar(1.0E23)).isEqualTo("1.0E23");
        assertThat(CqlForms.scalar(2.0E-3f)).isEqualTo("0.002");
        assertThat(CqlForms.json(-1.1100299264152623E18)).isEqualTo("-1.1100299264152623E18");
        assertThat(CqlForms.json(1.0E23)).isEqualTo("1.0E23");
        assertThat(CqlForms.json(java.util.List.of(1.0E23, 0.1))).isEqualTo("[1.0E23,0.1]");
    }
}
