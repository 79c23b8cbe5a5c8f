package dev.ringside.engine.run;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import dev.ringside.engine.plan.FakeNode;
import dev.ringside.engine.plan.Nodes;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.ProgressTracker;
import dev.ringside.engine.progress.RangeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner without a cluster: a scripted range work that counts rows, times out or fails on demand, and a timer
 * that runs retries at once while keeping the backoff each one asked for.
 */
class RangeRunnerTest {

    private static final List<Node> REPLICAS = List.of(node(9042), node(9043), node(9044));

    private final RecordingScheduler scheduler = new RecordingScheduler();

    @AfterEach
    void stopTimer() {
        scheduler.shutdownNow();
    }

    @Test
    void aFailedAttemptIsRetriedOnTheNextReplicaAfterABackoff() throws Exception {
        List<PlannedRange> plan = plan(REPLICAS, TokenRange.of(0, 1000), TokenRange.of(1000, 2000));
        Run run = run(plan, 1, 3, false, piece -> {
            if (piece.attempts() < 2) {
                throw new IllegalStateException("node unreachable");
            }
            return 10L + piece.rangeId();
        });

        // Each range starts on its own replica (id + attempt), and each retry moves to the next one.
        assertThat(run.nodesTried(0)).containsExactly("127.0.0.1:9042", "127.0.0.1:9043", "127.0.0.1:9044");
        assertThat(run.nodesTried(1)).containsExactly("127.0.0.1:9043", "127.0.0.1:9044", "127.0.0.1:9042");
        assertThat(run.outcomes()).extracting(RangeOutcome::state).containsExactly(RangeState.DONE, RangeState.DONE);
        assertThat(run.outcomes()).extracting(RangeOutcome::rows).containsExactly(10L, 11L);
        assertThat(run.outcomes()).extracting(RangeOutcome::attempts).containsExactly(3, 3);
        assertThat(run.outcomes()).extracting(RangeOutcome::node).containsExactly("127.0.0.1:9044", "127.0.0.1:9042");
        assertThat(run.outcomes()).extracting(RangeOutcome::error).containsOnlyNulls();
        assertThat(scheduler.delaysMillis()).containsExactlyInAnyOrder(200L, 400L, 200L, 400L);
    }

    @Test
    void theBackoffDoublesFrom200MillisecondsUpToFiveSeconds() throws Exception {
        Run run = run(plan(REPLICAS, TokenRange.of(0, 1000)), 1, 9, false, piece -> {
            throw new IllegalStateException("node unreachable");
        });
        assertThat(scheduler.delaysMillis()).containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
        assertThat(run.outcomes().get(0).attempts()).isEqualTo(9);
    }

    @Test
    void replicasThatAreDownAreLeftOutWhileAnotherIsUp() throws Exception {
        List<Node> replicas = List.of(node(9042, NodeState.DOWN), node(9043), node(9044, NodeState.FORCED_DOWN));
        Run run = run(plan(replicas, TokenRange.of(0, 1000)), 1, 3, false, piece -> {
            throw new IllegalStateException("node unreachable");
        });
        assertThat(run.nodesTried(0)).containsOnly("127.0.0.1:9043").hasSize(3);
    }

    @Test
    void whenEveryReplicaIsDownTheyAreAllTriedInTurn() throws Exception {
        List<Node> replicas = List.of(node(9042, NodeState.DOWN), node(9043, NodeState.DOWN));
        Run run = run(plan(replicas, TokenRange.of(0, 1000)), 1, 2, false, piece -> {
            throw new IllegalStateException("node unreachable");
        });
        assertThat(run.nodesTried(0)).containsExactly("127.0.0.1:9042", "127.0.0.1:9043");
    }

    @Test
    void aRangeThatFailsEveryAttemptIsFailedWithItsErrorAndTheOthersGoOn() throws Exception {
        List<PlannedRange> plan = plan(REPLICAS, TokenRange.of(0, 1000), TokenRange.of(1000, 2000), TokenRange.of(2000, 3000));
        Run run = run(plan, 2, 3, true, piece -> {
            if (piece.rangeId() == 1) {
                throw new IllegalStateException("unavailable");
            }
            return 5L;
        });

        RangeOutcome failed = run.outcomes().get(1);
        assertThat(failed.state()).isEqualTo(RangeState.FAILED);
        assertThat(failed.error()).isEqualTo("range (1000, 2000]: IllegalStateException: unavailable");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.rows()).isZero();
        assertThat(run.outcomes()).extracting(RangeOutcome::state)
                .containsExactly(RangeState.DONE, RangeState.FAILED, RangeState.DONE);
        ProgressSnapshot last = run.tracker().snapshot(true);
        assertThat(last.rangesDone()).isEqualTo(2);
        assertThat(last.rangesFailed()).isEqualTo(1);
        assertThat(last.rangesRunning()).isZero();
        assertThat(last.rows()).isEqualTo(10);
    }

    /** Counts halve on both kinds of timeout: the driver's own and the coordinator's, wrapped or not. */
    static Stream<Supplier<RuntimeException>> timeouts() {
        return Stream.of(
                () -> new DriverTimeoutException("Query timed out after PT10S"),
                () -> new ReadTimeoutException(REPLICAS.get(0), ConsistencyLevel.LOCAL_QUORUM, 1, 2, false),
                () -> new CompletionException(new DriverTimeoutException("Query timed out after PT10S")));
    }

    @ParameterizedTest
    @MethodSource("timeouts")
    void aCountRangeThatTimesOutTwiceIsCountedInItsTwoHalves(Supplier<RuntimeException> timeout) throws Exception {
        TokenRange whole = TokenRange.of(0, 1000);
        Run run = run(plan(REPLICAS, whole), 1, 3, true, piece -> {
            if (piece.depth() == 0) {
                throw timeout.get();
            }
            return piece.part().span().longValueExact();
        });

        assertThat(run.attempts()).extracting(Attempt::part).containsExactly(whole, whole, whole.halves().get(0), whole.halves().get(1));
        assertThat(run.attempts()).extracting(Attempt::depth).containsExactly(0, 0, 1, 1);
        RangeOutcome outcome = run.outcomes().get(0);
        assertThat(outcome.state()).isEqualTo(RangeState.DONE);
        assertThat(outcome.rows()).isEqualTo(1000);
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.range()).isEqualTo(whole);
        // One backoff before the second try; the halves start at once.
        assertThat(scheduler.delaysMillis()).containsExactly(200L);
    }

    @Test
    void aRangeThatKeepsTimingOutIsHalvedDownToTheLevelLimitThenFails() throws Exception {
        TokenRange whole = TokenRange.of(-1_000_000, 1_000_000);
        Run run = run(plan(REPLICAS, whole), 4, 2, true, piece -> {
            throw new DriverTimeoutException("Query timed out");
        });

        for (int depth = 0; depth <= RangeRunner.MAX_DEPTH; depth++) {
            int d = depth;
            List<TokenRange> parts = run.attempts().stream().filter(a -> a.depth() == d).map(Attempt::part).toList();
            assertThat(parts).as("attempts at depth %d", d).hasSize(2 << d);
            assertThat(parts.stream().distinct()).as("pieces at depth %d", d).hasSize(1 << d);
        }
        assertThat(run.attempts()).extracting(Attempt::depth).allMatch(d -> d <= RangeRunner.MAX_DEPTH);
        List<TokenRange> deepest = run.attempts().stream().filter(a -> a.depth() == RangeRunner.MAX_DEPTH)
                .map(Attempt::part).distinct().sorted(Comparator.comparingLong(TokenRange::start)).toList();
        assertCovers(deepest, whole);

        RangeOutcome outcome = run.outcomes().get(0);
        assertThat(outcome.state()).isEqualTo(RangeState.FAILED);
        assertThat(outcome.attempts()).isEqualTo(run.attempts().size()).isEqualTo(2 * ((2 << RangeRunner.MAX_DEPTH) - 1));
        assertThat(outcome.error()).contains("DriverTimeoutException: Query timed out");
        assertThat(deepest.stream().map(r -> "range " + r + ":")).anyMatch(outcome.error()::startsWith);
    }

    @Test
    void aRangeOfOneTokenIsNotHalved() throws Exception {
        Run run = run(plan(REPLICAS, TokenRange.of(41, 42)), 1, 3, true, piece -> {
            throw new DriverTimeoutException("Query timed out");
        });
        assertThat(run.attempts()).extracting(Attempt::depth).containsExactly(0, 0, 0);
        assertThat(run.outcomes().get(0).state()).isEqualTo(RangeState.FAILED);
    }

    @Test
    void withOneAttemptATimeoutFailsTheRangeWithoutHalving() throws Exception {
        Run run = run(plan(REPLICAS, TokenRange.of(0, 1000)), 1, 1, true, piece -> {
            throw new DriverTimeoutException("Query timed out");
        });
        assertThat(run.attempts()).hasSize(1);
        assertThat(run.outcomes().get(0).state()).isEqualTo(RangeState.FAILED);
    }

    @Test
    void exportsRetryTimeoutsButNeverHalve() throws Exception {
        TokenRange whole = TokenRange.of(0, 1000);
        Run run = run(plan(REPLICAS, whole), 1, 4, false, piece -> {
            throw new DriverTimeoutException("Query timed out");
        });
        assertThat(run.attempts()).extracting(Attempt::part).containsExactly(whole, whole, whole, whole);
        assertThat(run.outcomes().get(0).error()).isEqualTo("range (0, 1000]: DriverTimeoutException: Query timed out");
    }

    @Test
    void otherErrorsAreRetriedButNeverHalved() throws Exception {
        Run run = run(plan(REPLICAS, TokenRange.of(0, 1000)), 1, 3, true, piece -> {
            throw new IllegalStateException("unavailable");
        });
        assertThat(run.attempts()).extracting(Attempt::depth).containsExactly(0, 0, 0);
    }

    @Test
    void aHalfThatFailsFailsItsRangeNamingTheHalfAndKeepsTheOtherHalfsRows() throws Exception {
        TokenRange whole = TokenRange.of(0, 1000);
        TokenRange second = whole.halves().get(1);
        Run run = run(plan(REPLICAS, whole), 1, 2, true, piece -> {
            if (piece.depth() == 0) {
                throw new DriverTimeoutException("Query timed out");
            }
            if (piece.part().equals(second)) {
                throw new IllegalStateException("unavailable");
            }
            return 500L;
        });
        RangeOutcome outcome = run.outcomes().get(0);
        assertThat(outcome.state()).isEqualTo(RangeState.FAILED);
        assertThat(outcome.error()).isEqualTo("range " + second + ": IllegalStateException: unavailable");
        assertThat(outcome.rows()).isEqualTo(500);
        assertThat(outcome.attempts()).isEqualTo(5);
    }

    @Test
    void rowsAndAttemptsAddUpWithManyRangesInParallel() throws Exception {
        List<TokenRange> ranges = TokenRange.of(Long.MIN_VALUE, Long.MAX_VALUE).split(200);
        List<PlannedRange> plan = plan(REPLICAS, ranges.toArray(TokenRange[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(4, JobThreads.named("test-work"));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        try {
            ProgressTracker tracker = new ProgressTracker(plan, System::nanoTime);
            List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
            RangeWork work = (piece, node) -> {
                attempts.add(Attempt.of(piece, node));
                mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                return CompletableFuture.supplyAsync(() -> {
                    boolean fail = piece.rangeId() % 3 == 0 && piece.attempts() == 0;
                    if (!fail) {
                        tracker.addRows(piece.rangeId(), piece.rangeId() + 1);
                    }
                    running.decrementAndGet();
                    if (fail) {
                        throw new IllegalStateException("first try fails");
                    }
                    return null;
                }, pool);
            };
            List<RangeOutcome> outcomes = new RangeRunner(plan, 5, 2, true, work, tracker, scheduler, Set.of())
                    .start().get(60, TimeUnit.SECONDS);

            assertThat(outcomes).hasSize(200).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(RangeState.DONE);
                assertThat(o.rows()).isEqualTo(o.id() + 1);
                assertThat(o.attempts()).isEqualTo(o.id() % 3 == 0 ? 2 : 1);
                assertThat(o.range()).isEqualTo(ranges.get(o.id()));
            });
            assertThat(tracker.rows()).isEqualTo(200L * 201 / 2);
            assertThat(attempts).hasSize(200 + 67);
            assertThat(mostRunning.get()).isBetween(1, 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rangesAlreadyDoneAreNotRunAgain() throws Exception {
        List<PlannedRange> plan = plan(REPLICAS, TokenRange.of(0, 10), TokenRange.of(10, 20), TokenRange.of(20, 30));
        Run run = run(plan, 2, 1, false, Set.of(0, 2), piece -> 3L);
        assertThat(run.attempts()).extracting(Attempt::rangeId).containsExactly(1);
        assertThat(run.outcomes()).extracting(RangeOutcome::state).containsOnly(RangeState.DONE);
        assertThat(run.outcomes()).extracting(RangeOutcome::attempts).containsExactly(0, 1, 0);
    }

    @Test
    void aJobWhoseRangesAreAllDoneEndsAtOnce() throws Exception {
        Run run = run(plan(REPLICAS, TokenRange.of(0, 10)), 2, 1, false, Set.of(0), piece -> 3L);
        assertThat(run.attempts()).isEmpty();
        assertThat(run.outcomes()).extracting(RangeOutcome::state).containsExactly(RangeState.DONE);
    }

    @Test
    void cancelStopsLaunchingCancelsTheQueriesInFlightAndEndsWithWhatIsDone() {
        List<PlannedRange> plan = plan(REPLICAS, TokenRange.of(0, 10), TokenRange.of(10, 20), TokenRange.of(20, 30),
                TokenRange.of(30, 40));
        ProgressTracker tracker = new ProgressTracker(plan, System::nanoTime);
        List<Integer> launched = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> hanging = Collections.synchronizedList(new ArrayList<>());
        RangeWork work = (piece, node) -> {
            launched.add(piece.rangeId());
            if (piece.rangeId() == 0) {
                tracker.addRows(0, 7);
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> never = new CompletableFuture<>();
            hanging.add(never);
            return never;
        };
        RangeRunner runner = new RangeRunner(plan, 2, 3, true, work, tracker, scheduler, Set.of());
        CompletableFuture<List<RangeOutcome>> result = runner.start();
        assertThat(launched).containsExactly(0, 1, 2);
        assertThat(result).isNotDone();

        runner.cancel();

        assertThat(runner.isCancelled()).isTrue();
        assertThat(result).isCompleted();
        assertThat(hanging).hasSize(2).allMatch(CompletableFuture::isCancelled);
        List<RangeOutcome> outcomes = result.join();
        assertThat(outcomes).extracting(RangeOutcome::state)
                .containsExactly(RangeState.DONE, RangeState.PENDING, RangeState.PENDING, RangeState.PENDING);
        assertThat(outcomes.get(0).rows()).isEqualTo(7);
        // The cancelled queries' endings neither retry nor launch the range still queued.
        assertThat(launched).containsExactly(0, 1, 2);
        assertThat(scheduler.delaysMillis()).isEmpty();
    }

    // --- the fakes ---

    /** What one attempt was given. */
    record Attempt(int rangeId, TokenRange part, int depth, String node) {
        static Attempt of(RangePiece piece, Node node) {
            return new Attempt(piece.rangeId(), piece.part(), piece.depth(), Nodes.label(node));
        }
    }

    /** How a scripted attempt ends: the rows it counts, or the exception it fails with. */
    @FunctionalInterface
    interface Script {
        long rows(RangePiece piece);
    }

    record Run(List<RangeOutcome> outcomes, List<Attempt> attempts, ProgressTracker tracker) {
        List<String> nodesTried(int rangeId) {
            return attempts.stream().filter(a -> a.rangeId() == rangeId).map(Attempt::node).toList();
        }
    }

    private Run run(List<PlannedRange> plan, int parallelism, int maxAttempts, boolean halve, Script script) throws Exception {
        return run(plan, parallelism, maxAttempts, halve, Set.of(), script);
    }

    /** Runs the plan with work that answers at once as the script says, and waits for the outcomes. */
    private Run run(List<PlannedRange> plan, int parallelism, int maxAttempts, boolean halve, Set<Integer> alreadyDone,
                    Script script) throws Exception {
        ProgressTracker tracker = new ProgressTracker(plan, System::nanoTime);
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        RangeWork work = (piece, node) -> {
            attempts.add(Attempt.of(piece, node));
            try {
                tracker.addRows(piece.rangeId(), script.rows(piece));
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        List<RangeOutcome> outcomes = new RangeRunner(plan, parallelism, maxAttempts, halve, work, tracker, scheduler,
                alreadyDone).start().get(60, TimeUnit.SECONDS);
        return new Run(outcomes, List.copyOf(attempts), tracker);
    }

    private static List<PlannedRange> plan(List<Node> replicas, TokenRange... ranges) {
        return IntStream.range(0, ranges.length).mapToObj(i -> new PlannedRange(i, ranges[i], replicas)).toList();
    }

    private static Node node(int port) {
        return node(port, NodeState.UP);
    }

    private static Node node(int port, NodeState state) {
        return FakeNode.at(new InetSocketAddress("127.0.0.1", port), state);
    }

    private static void assertCovers(List<TokenRange> sortedParts, TokenRange whole) {
        assertThat(sortedParts.get(0).start()).isEqualTo(whole.start());
        assertThat(sortedParts.get(sortedParts.size() - 1).end()).isEqualTo(whole.end());
        for (int i = 1; i < sortedParts.size(); i++) {
            assertThat(sortedParts.get(i).start()).isEqualTo(sortedParts.get(i - 1).end());
        }
    }

    /** A timer that runs every delayed task at once and keeps the delay it was asked for. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

        private final List<Long> delaysMillis = Collections.synchronizedList(new ArrayList<>());

        RecordingScheduler() {
            super(1, JobThreads.named("test-runner-timer"));
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMillis.add(unit.toMillis(delay));
            return super.schedule(command, 0, TimeUnit.MILLISECONDS);
        }

        List<Long> delaysMillis() {
            return List.copyOf(delaysMillis);
        }
    }
}
