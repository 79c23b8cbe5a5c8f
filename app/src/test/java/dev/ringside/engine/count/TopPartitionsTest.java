package dev.ringside.engine.count;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopPartitionsTest {

    private static HotPartition p(long token, long rows) {
        return new HotPartition(List.of(Long.toString(token)), token, rows, List.of());
    }

    @Test
    void keepsTheNBiggestMostRowsFirstWhateverTheOrder() {
        List<HotPartition> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            all.add(p(i, i % 997));
        }
        Collections.shuffle(all, new Random(7));
        TopPartitions top = new TopPartitions(5);
        all.forEach(top::offer);
        // 996 rows: tokens 996, 1993, 2990 …; ties keep the lower tokens.
        assertThat(top.sorted()).extracting(HotPartition::rows).containsExactly(996L, 996L, 996L, 996L, 996L);
        assertThat(top.sorted()).extracting(HotPartition::token).containsExactly(996L, 1993L, 2990L, 3987L, 4984L);
    }

    @Test
    void neverHoldsMoreThanN() {
        TopPartitions top = new TopPartitions(3);
        for (int i = 0; i < 1000; i++) {
            top.offer(p(i, i));
        }
        assertThat(top.sorted()).extracting(HotPartition::rows).containsExactly(999L, 998L, 997L);
    }

    @Test
    void buildsAPartitionOnlyWhenItIsKept() {
        TopPartitions top = new TopPartitions(2);
        AtomicInteger built = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            long rows = i < 2 ? 1000 : 1;
            long token = i;
            top.offer(rows, token, () -> {
                built.incrementAndGet();
                return p(token, rows);
            });
        }
        assertThat(built.get()).isEqualTo(2);
    }

    @Test
    void mergingPerRangeHeapsGivesTheSameAnswerAsOneHeap() {
        TopPartitions whole = new TopPartitions(4);
        TopPartitions merged = new TopPartitions(4);
        for (int range = 0; range < 10; range++) {
            TopPartitions local = new TopPartitions(4);
            for (int i = 0; i < 50; i++) {
                HotPartition hp = p(range * 1000L + i, (range * 31L + i * 17L) % 101);
                local.offer(hp);
                whole.offer(hp);
            }
            merged.mergeFrom(local);
        }
        assertThat(merged.sorted()).isEqualTo(whole.sorted());
    }

    @Test
    void refusesAnEmptyLimit() {
        assertThatThrownBy(() -> new TopPartitions(0)).hasMessageContaining("at least 1");
    }
}
