package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes are named by address and port: three nodes on one address stay three nodes. */
class NodesTest {

    @Test
    void nodesOnOneAddressWithTheirOwnPortsHaveDistinctLabels() {
        List<String> labels = List.of(9042, 9043, 9044).stream()
                .map(port -> Nodes.label(node(new InetSocketAddress("127.0.0.1", port)))).toList();
        assertThat(labels).containsExactly("127.0.0.1:9042", "127.0.0.1:9043", "127.0.0.1:9044");
    }

    @Test
    void anIpv6AddressIsBracketedBeforeItsPort() {
        assertThat(Nodes.label(node(new InetSocketAddress("::1", 9042)))).isEqualTo("[0:0:0:0:0:0:0:1]:9042");
        assertThat(Nodes.label(null)).isEmpty();
    }

    /** A driver node that answers only what a label needs. */
    static Node node(InetSocketAddress address) {
        EndPoint endPoint = new DefaultEndPoint(address);
        return (Node) Proxy.newProxyInstance(NodesTest.class.getClassLoader(), new Class<?>[] {Node.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getEndPoint" -> endPoint;
                    case "toString" -> endPoint.toString();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
