package dev.ringside.engine;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.TwoDcSandbox;
import dev.ringside.testing.TwoDcSandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two datacenters, one replica in each: ranges go to the local datacenter's replica only. The driver holds no
 * connection to the remote one, so a range sent there fails (and, with retries off, the count came out incomplete).
 */
@ExtendWith(TwoDcSandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatacenterRoutingTest {

    private static final int ROWS = 5_000;
    private TwoDcSandbox sandbox;

    @BeforeAll
    void setUp(TwoDcSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("two_dc");
        session.execute("CREATE TABLE two_dc.t (id int PRIMARY KEY, name text)");
        session.execute("DROP KEYSPACE IF EXISTS remote_only");
        session.execute("CREATE KEYSPACE remote_only WITH replication = {'class': 'NetworkTopologyStrategy', 'dc2': 1}");
        session.execute("CREATE TABLE remote_only.t (id int PRIMARY KEY)");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO two_dc.t (id, name) VALUES (?, 'x')");
        Inserts.run(session, ROWS, i -> insert.bind((int) i));
    }

    @Test
    void countIsExactWithoutRetriesAndServedByTheLocalNodeOnly() throws Exception {
        RangeJobOptions noRetries = RangeJobOptions.defaults().withSplits(64).withMaxAttempts(1);
        CountResult result = new CountEngine(sandbox.session()).start(new CountRequest("two_dc", "t", noRetries), s -> { })
                .result().get();
        assertThat(result.failedRanges()).isEmpty();
        assertThat(result.complete()).isTrue();
        assertThat(result.rows()).isEqualTo(ROWS);
        assertThat(result.rowsPerNode()).containsOnlyKeys(sandbox.cluster().settings().contactPoint(1));
    }

    @Test
    void aKeyspaceWithNoLocalReplicaSaysWhatToDo() {
        assertThatThrownBy(() -> new CountEngine(sandbox.session())
                .start(new CountRequest("remote_only", "t", RangeJobOptions.defaults()), s -> { }))
                .isInstanceOf(JobException.class)
                .hasMessageContaining("no replica in the local datacenter dc1")
                .hasMessageContaining("dc2");
    }
}
