package dev.ringside.engine;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.plan.OwnedRange;
import dev.ringside.engine.plan.RingReader;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.Murmur3;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts on the real 3-node sandbox equal the rows inserted, for every table shape and several plans. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountEngineTest {

    private static final String KS = "counts";
    private static final long EXTREME_BAND = 1L << 45;
    private SharedSandbox sandbox;
    private CqlSession session;
    private final List<Long> extremeKeys = new ArrayList<>();

    @BeforeAll
    void createTables(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        this.session = sandbox.session();
        sandbox.recreateKeyspace(KS, 1);
        session.execute("CREATE TABLE counts.empty (id bigint PRIMARY KEY, v text)");
        session.execute("CREATE TABLE counts.one_row (id bigint PRIMARY KEY, v text)");
        session.execute("CREATE TABLE counts.wide (pk int, ck int, v text, PRIMARY KEY (pk, ck))");
        session.execute("CREATE TABLE counts.random (id uuid PRIMARY KEY, v text)");
        session.execute("CREATE TABLE counts.composite (a int, b text, c int, v text, PRIMARY KEY ((a, b), c))");
        session.execute("CREATE TABLE counts.\"MixedCase\" (\"Key\" int, \"from\" text, \"Value\" text, PRIMARY KEY ((\"Key\", \"from\")))");
        session.execute("CREATE TABLE counts.extremes (id bigint PRIMARY KEY, v text)");
        session.checkSchemaAgreement();

        session.execute("INSERT INTO counts.one_row (id, v) VALUES (1, 'x')");
        // The partition key bound, not written in the query, so that the rows can go in batches of their partition.
        PreparedStatement wide = session.prepare("INSERT INTO counts.wide (pk, ck, v) VALUES (?, ?, 'w')");
        Inserts.run(session, 100_000, i -> wide.bind(7, (int) i));
        PreparedStatement random = session.prepare("INSERT INTO counts.random (id, v) VALUES (?, 'r')");
        Random rnd = new Random(7);
        Inserts.run(session, 200_000, i -> random.bind(new UUID(rnd.nextLong(), rnd.nextLong())));
        PreparedStatement composite = session.prepare("INSERT INTO counts.composite (a, b, c, v) VALUES (?, ?, ?, 'c')");
        Inserts.run(session, 20_000, i -> composite.bind((int) (i / 4) % 1000, "b" + i / 4000, (int) (i % 4)));
        PreparedStatement mixed = session.prepare("INSERT INTO counts.\"MixedCase\" (\"Key\", \"from\", \"Value\") VALUES (?, ?, 'v')");
        Inserts.run(session, 5_000, i -> mixed.bind((int) i, "f" + (i % 3)));

        // Keys whose tokens sit within 2^45 of the ring's minimum and maximum, plus ordinary ones.
        Random keys = new Random(11);
        int low = 0;
        int high = 0;
        while (low < 5 || high < 5) {
            long key = keys.nextLong();
            long token = Murmur3.tokenOfBigint(key);
            if (token < Long.MIN_VALUE + EXTREME_BAND && low < 5) {
                extremeKeys.add(key);
                low++;
            } else if (token > Long.MAX_VALUE - EXTREME_BAND && high < 5) {
                extremeKeys.add(key);
                high++;
            }
        }
        for (long i = 0; i < 10; i++) {
            extremeKeys.add(i);
        }
        PreparedStatement extreme = session.prepare("INSERT INTO counts.extremes (id, v) VALUES (?, 'e')");
        Inserts.run(session, extremeKeys.size(), i -> extreme.bind(extremeKeys.get((int) i)));
    }

    static Stream<Arguments> tables() {
        long[][] plans = {{1, 1}, {7, 3}, {256, 0}, {1000, 16}};
        Object[][] tables = {{"empty", 0L}, {"one_row", 1L}, {"wide", 100_000L}, {"random", 200_000L},
                {"composite", 20_000L}, {"MixedCase", 5_000L}, {"extremes", 20L}};
        List<Arguments> cases = new ArrayList<>();
        for (Object[] t : tables) {
            for (long[] p : plans) {
                cases.add(Arguments.of(t[0], t[1], (int) p[0], (int) p[1]));
            }
        }
        cases.add(Arguments.of("random", 200_000L, 10_000, 64));
        cases.add(Arguments.of("extremes", 20L, 10_000, 32));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2} splits, parallelism {3}")
    @MethodSource("tables")
    void countEqualsRowsInserted(String table, long expected, int splits, int parallelism) throws Exception {
        List<ProgressSnapshot> snapshots = new CopyOnWriteArrayList<>();
        CountResult result = count(table, RangeJobOptions.defaults().withSplits(splits).withParallelism(parallelism), snapshots::add);

        assertThat(result.complete()).as("complete").isTrue();
        assertThat(result.rows()).isEqualTo(expected);
        assertThat(result.failedRanges()).isEmpty();
        assertThat(result.ranges().size()).isGreaterThanOrEqualTo(48);
        if (splits >= 1000) {
            assertThat(result.ranges().size()).isBetween((int) (splits * 0.9), (int) (splits * 1.1) + 49);
        }
        assertThat(result.ranges().stream().mapToLong(RangeOutcome::rows).sum()).isEqualTo(expected);
        assertThat(result.ranges()).allSatisfy(r -> assertThat(r.node()).startsWith(sandbox.cluster().settings().addressBase() + "."));
        if (parallelism == 0) {
            // Parallelism 0 is "auto": tuned while it runs (from 2 x 3 nodes), never above 8 x 3 nor the ranges.
            assertThat(result.parallelism()).isBetween(1, Math.min(24, result.ranges().size()));
        } else {
            assertThat(result.parallelism()).isEqualTo(Math.min(parallelism, result.ranges().size()));
        }

        ProgressSnapshot last = snapshots.get(snapshots.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.rows()).isEqualTo(expected);
        assertThat(last.fractionDone()).isEqualTo(1.0);
        assertThat(last.rangesDone()).isEqualTo(result.ranges().size());
        assertThat(last.ranges()).allSatisfy(r -> assertThat(r.state()).isEqualTo(RangeState.DONE));
        assertThat(snapshots).extracting(ProgressSnapshot::rows).isSorted();
    }

    @Test
    void murmur3InTestsAgreesWithTheServer() {
        for (long key : extremeKeys) {
            long token = session.execute("SELECT token(id) FROM counts.extremes WHERE id = ?", key).one().getLong(0);
            assertThat(Murmur3.tokenOfBigint(key)).as("token of %d", key).isEqualTo(token);
        }
    }

    @Test
    void tokenBoundsCountOnlyThatPartOfTheRing() throws Exception {
        CountResult top = count("extremes", RangeJobOptions.defaults().withTokenBounds(Long.MAX_VALUE - EXTREME_BAND, null), s -> { });
        CountResult bottom = count("extremes", RangeJobOptions.defaults().withTokenBounds(null, Long.MIN_VALUE + EXTREME_BAND), s -> { });
        assertThat(top.rows()).isEqualTo(5);
        assertThat(bottom.rows()).isEqualTo(5);
    }

    @Test
    void planReadFromTheClusterCoversTheRingOnce() throws Exception {
        List<OwnedRange> owned = new RingReader(session).ownedRanges(KS, null, null);
        BigInteger total = owned.stream().map(o -> o.range().span()).reduce(BigInteger.ZERO, BigInteger::add);
        // Every token but the minimum, which no row has (and which Cassandra would read as the whole ring).
        assertThat(total).isEqualTo(TokenRange.RING_SIZE.subtract(BigInteger.ONE));
        assertThat(owned).noneMatch(o -> o.range().end() == Long.MIN_VALUE);
        assertThat(owned.size()).isBetween(48, 49); // 3 nodes x 16 vnodes, the wrap-around range cut in two
        assertThat(owned).allSatisfy(o -> assertThat(o.replicas()).hasSize(1));
        assertThat(new RingReader(session).liveNodes()).isEqualTo(3);
    }

    @Test
    void cancelStopsPromptlyAndIsNeverReportedComplete() throws Exception {
        JobHandle<CountResult> handle = new CountEngine(session).start(new CountRequest(KS, "random",
                RangeJobOptions.defaults().withSplits(10_000).withParallelism(1)), s -> { });
        handle.cancel();
        CountResult result = handle.result().get();
        assertThat(result.cancelled()).isTrue();
        assertThat(result.complete()).isFalse();
    }

    private CountResult count(String table, RangeJobOptions options, ProgressListener listener) throws Exception {
        return new CountEngine(session).start(new CountRequest(KS, table, options), listener).result().get();
    }
}
