package dev.ringside.engine;

import com.datastax.oss.driver.api.core.metadata.Node;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Short, stable labels for nodes in progress views and results. */
public final class Nodes {

    private Nodes() {
    }

    /** The node's address without the port, e.g. {@code 127.0.0.2}. */
    public static String label(Node node) {
        if (node == null) {
            return "";
        }
        SocketAddress address = node.getEndPoint().resolve();
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return node.getEndPoint().toString();
    }
}
