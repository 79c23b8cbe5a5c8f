package dev.ringside.cli;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;

/** Table and range options shared by count and export. */
public final class RangeOptions {

    @Option(names = {"-k", "--keyspace"}, required = true, description = "Keyspace of the table.")
    String keyspace;

    @Option(names = {"-t", "--table"}, required = true, description = "Table to read.")
    String table;

    @Option(names = "--splits", paramLabel = "N", defaultValue = "" + RangeJobOptions.DEFAULT_SPLITS,
            description = "Target number of token ranges, " + RangeJobOptions.MIN_SPLITS + " to "
                    + RangeJobOptions.MAX_SPLITS + "; at least one per vnode range (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--parallelism", paramLabel = "P|auto", converter = Converters.Parallelism.class,
            description = "Range queries in flight: auto (the default) starts at "
                    + RangeJobOptions.AUTO_START_PER_NODE + " x live nodes and tunes it from throughput, latency and "
                    + "timeouts while the job runs; or a fixed number, " + RangeJobOptions.MIN_PARALLELISM + " to "
                    + RangeJobOptions.MAX_PARALLELISM + " and at most --splits.")
    Converters.ParallelismChoice parallelism;

    @Option(names = "--max-parallelism", paramLabel = "M",
            description = "With --parallelism auto, never more than M range queries in flight, "
                    + RangeJobOptions.MIN_PARALLELISM + " to " + RangeJobOptions.MAX_PARALLELISM + " (default: "
                    + RangeJobOptions.AUTO_CEILING_PER_NODE + " x live nodes, at most the number of ranges).")
    Integer maxParallelism;

    @Option(names = "--consistency", paramLabel = "CL", defaultValue = "LOCAL_ONE",
            converter = Converters.ReadConsistency.class, completionCandidates = Converters.ReadConsistencyNames.class,
            description = "Read consistency level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Consistency consistency;

    @Option(names = "--range-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Timeout of one range query in a count, or of one page in an export, 1 to "
                    + RangeJobOptions.MAX_RANGE_TIMEOUT_SECONDS + " seconds (default: ${DEFAULT-VALUE}). A count halves a "
                    + "range that keeps timing out; an export retries the page, on another replica where there is one.")
    int rangeTimeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of a failed range query, on another replica, 0 to " + RangeJobOptions.MAX_RETRIES
                    + " (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--start-token", paramLabel = "TOKEN", description = "Only tokens greater than TOKEN.")
    Long startToken;

    @Option(names = "--end-token", paramLabel = "TOKEN", description = "Only tokens up to TOKEN, inclusive.")
    Long endToken;

    public String keyspace() {
        return keyspace;
    }

    public String table() {
        return table;
    }

    /**
     * The options as the engine takes them. Every limit comes from {@link RangeJobOptions}; the problems it finds are
     * worded here with the flags' names.
     */
    public RangeJobOptions toOptions() throws UsageException {
        if (keyspace.isBlank()) {
            throw new UsageException("--keyspace is empty: name the keyspace of the table.");
        }
        if (table.isBlank()) {
            throw new UsageException("--table is empty: name the table to read.");
        }
        Optional<String> problem = RangeJobOptions.splitsProblem(splits).map(p -> "--splits " + p);
        Integer fixed = parallelism == null ? null : parallelism.fixed();
        if (problem.isEmpty() && fixed != null) {
            problem = RangeJobOptions.parallelismProblem(fixed, splits)
                    .map(p -> "--parallelism " + p.replace("the split count", "--splits")
                            .replace("lower the parallelism or raise the splits", "lower --parallelism or raise --splits")
                            .replace("the default is", "leave it out for auto, or the usual start is"));
        }
        if (problem.isEmpty() && maxParallelism != null) {
            problem = fixed != null
                    ? Optional.of("--max-parallelism only applies to --parallelism auto: leave out one of them.")
                    : RangeJobOptions.maxParallelismProblem(maxParallelism).map(p -> "--max-parallelism " + p);
        }
        if (problem.isEmpty() && (rangeTimeoutSeconds < 1 || rangeTimeoutSeconds > RangeJobOptions.MAX_RANGE_TIMEOUT_SECONDS)) {
            problem = Optional.of("--range-timeout must be between 1 and " + RangeJobOptions.MAX_RANGE_TIMEOUT_SECONDS
                    + " seconds (got " + rangeTimeoutSeconds + ").");
        }
        if (problem.isEmpty() && (retries < 0 || retries > RangeJobOptions.MAX_RETRIES)) {
            problem = Optional.of("--retries must be between 0 and " + RangeJobOptions.MAX_RETRIES + " (got " + retries
                    + "); 0 means one attempt per range.");
        }
        if (problem.isEmpty()) {
            problem = RangeJobOptions.tokenBoundsProblem(startToken, endToken, "--start-token", "--end-token");
        }
        if (problem.isPresent()) {
            throw new UsageException(problem.get());
        }
        try {
            return new RangeJobOptions(splits, fixed == null ? 0 : fixed, consistency,
                    Duration.ofSeconds(rangeTimeoutSeconds), retries + 1, startToken, endToken,
                    maxParallelism == null ? 0 : maxParallelism);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
