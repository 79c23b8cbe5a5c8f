package dev.ringside.cli.count;

import dev.ringside.engine.count.CountRequest;
import picocli.CommandLine.Option;

import java.util.Locale;

/** count's {@code --top-partitions} and {@code --estimate}. */
final class CountInsightOptions {

    @Option(names = "--top-partitions", paramLabel = "N",
            description = "Also find the N partitions with the most rows, with their tokens and owning nodes, 1 to "
                    + "10,000. Groups each range by partition key: it reads the whole table, as the count does.")
    Integer topPartitions;

    @Option(names = "--estimate",
            description = "Answer at once from Cassandra's size estimates (system.size_estimates on each node) "
                    + "instead of counting: partitions, not rows, of data flushed to disk, refreshed every few minutes.")
    boolean estimate;

    int topPartitions() {
        if (topPartitions == null) {
            return 0;
        }
        if (topPartitions < 1 || topPartitions > CountRequest.MAX_TOP_PARTITIONS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--top-partitions must be between 1 and %,d (got %d); 10 or 20 shows the hot spots.",
                    CountRequest.MAX_TOP_PARTITIONS, topPartitions));
        }
        return topPartitions;
    }

    boolean estimate() {
        return estimate;
    }
}
