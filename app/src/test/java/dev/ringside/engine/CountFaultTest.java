package dev.ringside.engine;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** With a node down, a count is exact when other replicas hold its ranges, and incomplete (never short) otherwise. */
@ExtendWith(SandboxExtension.class)
class CountFaultTest {

    @Test
    void nodeDownCountsExactlyWithReplicasAndFailsLoudlyWithout(SharedSandbox sandbox) throws Exception {
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("fault_rf3", 3);
        sandbox.recreateKeyspace("fault_rf1", 1);
        session.execute("CREATE TABLE fault_rf3.t (id int PRIMARY KEY, v text)");
        session.execute("CREATE TABLE fault_rf1.t (id int PRIMARY KEY, v text)");
        session.checkSchemaAgreement();
        PreparedStatement rf3 = session.prepare("INSERT INTO fault_rf3.t (id, v) VALUES (?, 'x')");
        PreparedStatement rf1 = session.prepare("INSERT INTO fault_rf1.t (id, v) VALUES (?, 'x')");
        Inserts.run(session, 30_000, i -> rf3.bind((int) i));
        Inserts.run(session, 30_000, i -> rf1.bind((int) i));

        sandbox.crash(3);
        try {
            CountEngine engine = new CountEngine(session);
            RangeJobOptions options = RangeJobOptions.defaults().withSplits(64);
            CountResult replicated = engine.start(new CountRequest("fault_rf3", "t", options), s -> { }).result().get();
            assertThat(replicated.complete()).isTrue();
            assertThat(replicated.rows()).isEqualTo(30_000);
            assertThat(replicated.ranges()).allSatisfy(r -> assertThat(r.node()).isNotEqualTo(sandbox.cluster().settings().address(3)));

            CountResult single = engine.start(new CountRequest("fault_rf1", "t", options), s -> { }).result().get();
            assertThat(single.complete()).isFalse();
            assertThat(single.failedRanges()).isNotEmpty();
            assertThat(single.failedRanges()).allSatisfy(r -> {
                assertThat(r.error()).isNotBlank();
                assertThat(r.attempts()).isEqualTo(options.maxAttempts());
            });
            // What was counted lies in the ranges that succeeded; it is never reported as the total.
            long counted = single.ranges().stream().filter(r -> r.state() == RangeState.DONE).mapToLong(RangeOutcome::rows).sum();
            assertThat(counted).isLessThan(30_000);
        } finally {
            sandbox.cluster().restart(3);
        }
        awaitAllUp(session);
        CountResult healed = new CountEngine(session).start(new CountRequest("fault_rf1", "t", RangeJobOptions.defaults()), s -> { })
                .result().get();
        assertThat(healed.complete()).isTrue();
        assertThat(healed.rows()).isEqualTo(30_000);
    }

    /** The driver reconnects to a restarted node within a few seconds; wait for it before the next test. */
    static void awaitAllUp(CqlSession session) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (session.getMetadata().getNodes().values().stream()
                    .allMatch(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("a node stayed down after restart");
    }
}
