package dev.ringside.engine.count;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * The N partitions with the most rows seen so far, in memory bounded by N whatever the table's size: a min-heap
 * whose smallest entry is dropped when a bigger one comes. Ties keep the lower token, so the answer does not depend
 * on the order ranges finish. Thread-safe; each range fills its own and merges it here when it succeeds, so a
 * retried range is never counted twice.
 */
public final class TopPartitions {

    /** Smallest first: fewest rows, then the higher token. */
    private static final Comparator<HotPartition> SMALLEST_FIRST = Comparator.comparingLong(HotPartition::rows)
            .thenComparing(Comparator.comparingLong(HotPartition::token).reversed());

    private final int limit;
    private final PriorityQueue<HotPartition> heap;

    public TopPartitions(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the number of top partitions must be at least 1 (got " + limit + ")");
        }
        this.limit = limit;
        this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, SMALLEST_FIRST);
    }

    /**
     * Offers a partition with {@code rows} rows; {@code partition} is called only when it would be kept, so that
     * the many small partitions of a big table cost no key formatting.
     */
    public synchronized void offer(long rows, long token, Supplier<HotPartition> partition) {
        if (heap.size() >= limit) {
            HotPartition smallest = heap.peek();
            if (rows < smallest.rows() || (rows == smallest.rows() && token >= smallest.token())) {
                return;
            }
        }
        heap.add(partition.get());
        if (heap.size() > limit) {
            heap.poll();
        }
    }

    public void offer(HotPartition partition) {
        offer(partition.rows(), partition.token(), () -> partition);
    }

    public void mergeFrom(TopPartitions other) {
        for (HotPartition p : other.sorted()) {
            offer(p);
        }
    }

    /** Most rows first; ties by token. */
    public synchronized List<HotPartition> sorted() {
        List<HotPartition> list = new ArrayList<>(heap);
        list.sort(SMALLEST_FIRST.reversed());
        return list;
    }
}
