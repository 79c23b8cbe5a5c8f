package dev.ringside.sandbox;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringside.testing.TwoDcSandbox;
import dev.ringside.testing.TwoDcSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-datacenter sandbox starts with one node in dc1 and one in dc2, and its settings name dc1 as local. */
@ExtendWith(TwoDcSandboxExtension.class)
class TwoDcSandboxTest {

    @Test
    void hasTwoDatacentersOneNodeEach(TwoDcSandbox sandbox) {
        Set<String> dcs = new TreeSet<>();
        for (Node node : sandbox.session().getMetadata().getNodes().values()) {
            dcs.add(node.getDatacenter());
        }
        assertThat(dcs).containsExactly("dc1", "dc2");
        assertThat(sandbox.connectionSettings().localDc()).isEqualTo("dc1");

        Row local = sandbox.session().execute("SELECT data_center, rpc_address FROM system.local").one();
        assertThat(local.getString("data_center")).isEqualTo("dc1");
        Set<String> peerDcs = new HashSet<>();
        for (Row peer : sandbox.session().execute("SELECT data_center FROM system.peers_v2")) {
            peerDcs.add(peer.getString("data_center"));
        }
        assertThat(peerDcs).containsExactly("dc2");
    }

    @Test
    void aKeyspaceWithAReplicaInEachDatacenterTakesWrites(TwoDcSandbox sandbox) {
        sandbox.recreateKeyspace("twodc_smoke");
        sandbox.session().execute("CREATE TABLE twodc_smoke.t (id int PRIMARY KEY)");
        for (int i = 0; i < 100; i++) {
            sandbox.session().execute("INSERT INTO twodc_smoke.t (id) VALUES (" + i + ")");
        }
        assertThat(sandbox.session().execute("SELECT count(*) FROM twodc_smoke.t").one().getLong(0)).isEqualTo(100);
    }
}
