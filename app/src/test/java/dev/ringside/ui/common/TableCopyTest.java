package dev.ringside.ui.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableCopyTest {

    @Test
    void valuesWithTabsBreaksOrQuotesAreQuotedAsSpreadsheetsReadThem() {
        assertThat(TableCopy.tsv(List.of(List.of("a", "b"), Arrays.asList("c", null))))
                .isEqualTo("a\tb\nc\t\n");
        assertThat(TableCopy.tsv(List.of(List.of("x\ty", "line\nbreak", "say \"hi\""))))
                .isEqualTo("\"x\ty\"\t\"line\nbreak\"\t\"say \"\"hi\"\"\"\n");
    }
}
