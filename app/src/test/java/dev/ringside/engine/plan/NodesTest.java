package dev.ringside.engine.plan;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes are named by address and port: three nodes on one address stay three nodes. */
class NodesTest {

    @Test
    void nodesOnOneAddressWithTheirOwnPortsHaveDistinctLabels() {
        List<String> labels = List.of(9042, 9043, 9044).stream()
                .map(port -> Nodes.label(FakeNode.at(new InetSocketAddress("127.0.0.1", port)))).toList();
        assertThat(labels).containsExactly("127.0.0.1:9042", "127.0.0.1:9043", "127.0.0.1:9044");
    }

    @Test
    void anIpv6AddressIsBracketedBeforeItsPort() {
        assertThat(Nodes.label(FakeNode.at(new InetSocketAddress("::1", 9042)))).isEqualTo("[0:0:0:0:0:0:0:1]:9042");
        assertThat(Nodes.label(null)).isEmpty();
    }
}
