package dev.ringside.engine;

import dev.ringside.engine.plan.RangePlanner;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Options shared by counts and exports.
 *
 * @param splits       target number of ranges (at least one per vnode range)
 * @param parallelism  range queries in flight; 0 means "auto": start at 2 × live nodes and tune while the job runs
 * @param consistency  read consistency level
 * @param rangeTimeout client timeout of one range query (count) or one page (export)
 * @param maxAttempts  tries per range before it is halved (count, on timeouts) or failed
 * @param startToken   only tokens greater than this, or {@code null} for the ring's start
 * @param endToken     only tokens up to this one, inclusive, or {@code null} for the ring's end
 * @param maxParallelism with "auto", the most range queries it may run at once; 0 means
 *                     {@value #AUTO_CEILING_PER_NODE} × live nodes (both at most the number of ranges). Ignored when
 *                     the parallelism is fixed.
 */
public record RangeJobOptions(int splits, int parallelism, Consistency consistency, Duration rangeTimeout,
                              int maxAttempts, Long startToken, Long endToken, int maxParallelism) {

    /*
     * The limits below are the single source for every front end: the CLI and the app read them and word the
     * problems below with their own field names. Messages here never name a CLI flag.
     */

    public static final int DEFAULT_SPLITS = 256;
    public static final int MIN_SPLITS = 1;
    /** More ranges than this only add round trips; the planner refuses more. */
    public static final int MAX_SPLITS = RangePlanner.MAX_SPLITS;
    public static final int MIN_PARALLELISM = 1;
    /** More queries in flight than this only queue up in the driver. */
    public static final int MAX_PARALLELISM = 1_024;
    public static final int MAX_RANGE_TIMEOUT_SECONDS = 3_600;
    /** Retries after the first attempt. */
    public static final int MAX_RETRIES = 100;
    /** "Auto" starts at this many range queries per live node. */
    public static final int AUTO_START_PER_NODE = 2;
    /** Without a user maximum, "auto" goes up to this many range queries per live node. */
    public static final int AUTO_CEILING_PER_NODE = 8;
    /**
     * Consistency levels a token-range read accepts, the usual ones first. ANY is for writes only; Cassandra 5
     * accepts every other level for a range read (checked on the sandbox by BadNamesTest).
     */
    public static final List<Consistency> READ_CONSISTENCY_LEVELS = Consistency.reads();

    public RangeJobOptions {
        Optional<String> problem = splitsProblem(splits).map(p -> "Splits " + p);
        if (problem.isEmpty() && parallelism != 0) {
            problem = parallelismProblem(parallelism, splits).map(p -> "Parallelism " + p);
        }
        if (problem.isEmpty() && maxParallelism != 0) {
            problem = maxParallelismProblem(maxParallelism).map(p -> "The maximum parallelism " + p);
        }
        if (problem.isEmpty()) {
            problem = consistencyProblem(consistency).map(p -> "Consistency " + p);
        }
        if (problem.isEmpty()) {
            problem = tokenBoundsProblem(startToken, endToken);
        }
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Attempts must be at least 1 (got " + maxAttempts + ").");
        }
        if (rangeTimeout == null || rangeTimeout.isNegative() || rangeTimeout.isZero()) {
            throw new IllegalArgumentException("The range timeout must be positive (got " + rangeTimeout + ").");
        }
    }

    /** What is wrong with a split count, worded to follow the field's name ("must be …"), or empty. */
    public static Optional<String> splitsProblem(long splits) {
        if (splits < MIN_SPLITS || splits > MAX_SPLITS) {
            return Optional.of(String.format(Locale.ROOT, "must be between %,d and %,d (got %,d); %d is a good start, "
                    + "more splits make smaller queries.", MIN_SPLITS, MAX_SPLITS, splits, DEFAULT_SPLITS));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with an explicit parallelism (queries in flight) for a split count, worded to follow the field's
     * name, or empty. It may not exceed {@link #MAX_PARALLELISM} nor the split count.
     */
    public static Optional<String> parallelismProblem(long parallelism, long splits) {
        if (parallelism < MIN_PARALLELISM || parallelism > MAX_PARALLELISM) {
            return Optional.of(String.format(Locale.ROOT, "must be between %,d and %,d (got %,d); the default is "
                    + "2 x live nodes.", MIN_PARALLELISM, MAX_PARALLELISM, parallelism));
        }
        if (parallelism > splits) {
            return Optional.of(String.format(Locale.ROOT, "(%,d) cannot be above the split count (%,d): lower the "
                    + "parallelism or raise the splits.", parallelism, splits));
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a maximum for "auto" parallelism, worded to follow the field's name, or empty. Above the
     * split count is allowed: the ranges cap it anyway.
     */
    public static Optional<String> maxParallelismProblem(long max) {
        if (max < MIN_PARALLELISM || max > MAX_PARALLELISM) {
            return Optional.of(String.format(Locale.ROOT, "must be between %,d and %,d (got %,d); without one, auto "
                    + "goes up to %d x live nodes.", MIN_PARALLELISM, MAX_PARALLELISM, max, AUTO_CEILING_PER_NODE));
        }
        return Optional.empty();
    }

    /** What is wrong with a consistency level for a range read, worded to follow the field's name, or empty. */
    public static Optional<String> consistencyProblem(Consistency level) {
        if (level == null) {
            return Optional.of("is missing; choose one of " + readConsistencyNames() + ".");
        }
        boolean ok = READ_CONSISTENCY_LEVELS.contains(level);
        return ok ? Optional.empty() : Optional.of(level.name() + " is for writes only; choose one of "
                + readConsistencyNames() + ".");
    }

    /** The read consistency levels, comma-separated, for messages. */
    public static String readConsistencyNames() {
        return String.join(", ", READ_CONSISTENCY_LEVELS.stream().map(Enum::name).toList());
    }

    /** What is wrong with a pair of token bounds, as a sentence, or empty. */
    public static Optional<String> tokenBoundsProblem(Long startToken, Long endToken) {
        return tokenBoundsProblem(startToken, endToken, "the start token", "the end token");
    }

    /**
     * What is wrong with a pair of token bounds, as a sentence naming the bounds as the front end calls them, or
     * empty. The range is {@code (start, end]}.
     */
    public static Optional<String> tokenBoundsProblem(Long startToken, Long endToken, String startName, String endName) {
        if (startToken != null && endToken != null && startToken >= endToken) {
            return Optional.of(capitalize(startName) + " (" + startToken + ") must be lower than " + endName + " ("
                    + endToken + "): the range holds tokens greater than the start, up to and including the end.");
        }
        return Optional.empty();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Without a maximum for "auto" (the default ceiling applies). */
    public RangeJobOptions(int splits, int parallelism, Consistency consistency, Duration rangeTimeout,
                           int maxAttempts, Long startToken, Long endToken) {
        this(splits, parallelism, consistency, rangeTimeout, maxAttempts, startToken, endToken, 0);
    }

    public static RangeJobOptions defaults() {
        return new RangeJobOptions(DEFAULT_SPLITS, 0, Consistency.LOCAL_ONE, Duration.ofSeconds(60), 4,
                null, null, 0);
    }

    /** Whether the parallelism is tuned while the job runs. */
    public boolean autoParallelism() {
        return parallelism == 0;
    }

    public RangeJobOptions withMaxParallelism(int value) {
        return new RangeJobOptions(splits, parallelism, consistency, rangeTimeout, maxAttempts, startToken, endToken, value);
    }

    public RangeJobOptions withSplits(int value) {
        return new RangeJobOptions(value, parallelism, consistency, rangeTimeout, maxAttempts, startToken, endToken, maxParallelism);
    }

    public RangeJobOptions withParallelism(int value) {
        return new RangeJobOptions(splits, value, consistency, rangeTimeout, maxAttempts, startToken, endToken, maxParallelism);
    }

    public RangeJobOptions withConsistency(Consistency value) {
        return new RangeJobOptions(splits, parallelism, value, rangeTimeout, maxAttempts, startToken, endToken, maxParallelism);
    }

    public RangeJobOptions withRangeTimeout(Duration value) {
        return new RangeJobOptions(splits, parallelism, consistency, value, maxAttempts, startToken, endToken, maxParallelism);
    }

    public RangeJobOptions withMaxAttempts(int value) {
        return new RangeJobOptions(splits, parallelism, consistency, rangeTimeout, value, startToken, endToken, maxParallelism);
    }

    public RangeJobOptions withTokenBounds(Long start, Long end) {
        return new RangeJobOptions(splits, parallelism, consistency, rangeTimeout, maxAttempts, start, end, maxParallelism);
    }

    /**
     * The parallelism to start with for a plan of {@code ranges} ranges on {@code liveNodes} live nodes: the fixed
     * value, or auto's start (2 × live nodes, at most its maximum), never more than the ranges.
     */
    public int effectiveParallelism(int ranges, int liveNodes) {
        return parallelismFor(ranges, liveNodes).start();
    }

    /** Fixed, or auto from 2 × live nodes up to the user's maximum or 8 × live nodes; never more than the ranges. */
    public Parallelism parallelismFor(int ranges, int liveNodes) {
        int nodes = Math.max(1, liveNodes);
        int limit = Math.max(1, ranges);
        if (parallelism > 0) {
            return Parallelism.fixed(Math.min(parallelism, limit));
        }
        int max = Math.min(limit, Math.min(MAX_PARALLELISM, maxParallelism > 0 ? maxParallelism : AUTO_CEILING_PER_NODE * nodes));
        return new Parallelism(Math.min(max, AUTO_START_PER_NODE * nodes), max, true);
    }
}
