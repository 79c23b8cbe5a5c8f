package dev.ringside.cli;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.ringside.engine.RangeJobOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Table and range options shared by count and export. */
public final class RangeOptions {

    @Option(names = {"-k", "--keyspace"}, required = true, description = "Keyspace of the table.")
    String keyspace;

    @Option(names = {"-t", "--table"}, required = true, description = "Table to read.")
    String table;

    @Option(names = "--splits", paramLabel = "N", defaultValue = "" + RangeJobOptions.DEFAULT_SPLITS,
            description = "Target number of token ranges; at least one per vnode range (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--parallelism", paramLabel = "P", defaultValue = "0",
            description = "Range queries in flight (default: 2 x live nodes, at most the number of ranges).")
    int parallelism;

    @Option(names = "--consistency", paramLabel = "CL", defaultValue = "LOCAL_ONE",
            description = "Read consistency level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DefaultConsistencyLevel consistency;

    @Option(names = "--range-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Timeout of one range query in a count, or of one page in an export (default: ${DEFAULT-VALUE}). "
                    + "A count halves a range that keeps timing out; an export retries the page, on another replica where there is one.")
    int rangeTimeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of a failed range query, on another replica (default: ${DEFAULT-VALUE}).")
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

    public RangeJobOptions toOptions() throws UsageException {
        if (splits < 1) {
            throw new UsageException("--splits must be at least 1 (got " + splits + "); 256 is a good start.");
        }
        if (parallelism < 0) {
            throw new UsageException("--parallelism must be at least 1 (got " + parallelism
                    + "); leave it out for the default, 2 x live nodes.");
        }
        if (rangeTimeoutSeconds < 1) {
            throw new UsageException("--range-timeout must be at least 1 second.");
        }
        if (retries < 0) {
            throw new UsageException("--retries must be 0 or more.");
        }
        try {
            return new RangeJobOptions(splits, parallelism, consistency, Duration.ofSeconds(rangeTimeoutSeconds),
                    retries + 1, startToken, endToken);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
