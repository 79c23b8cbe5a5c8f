package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.metadata.Node;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Short, stable labels for nodes in progress views and results. */
public final class Nodes {

    private Nodes() {
    }

    /**
     * The node's address and CQL port, e.g. {@code 127.0.0.2:9042}: since Cassandra 4.0 several nodes can share one
     * address with their own ports, so the address alone does not name a node.
     */
    public static String label(Node node) {
        if (node == null) {
            return "";
        }
        SocketAddress address = node.getEndPoint().resolve();
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return node.getEndPoint().toString();
    }
}
