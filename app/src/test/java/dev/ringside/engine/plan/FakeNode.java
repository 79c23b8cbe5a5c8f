package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;

/** A driver node that answers only what labels and replica choice need: its end point and its state. */
public final class FakeNode {

    private FakeNode() {
    }

    public static Node at(InetSocketAddress address) {
        return at(address, NodeState.UP);
    }

    public static Node at(InetSocketAddress address, NodeState state) {
        EndPoint endPoint = new DefaultEndPoint(address);
        return (Node) Proxy.newProxyInstance(FakeNode.class.getClassLoader(), new Class<?>[] {Node.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getEndPoint" -> endPoint;
                    case "getState" -> state;
                    case "toString" -> endPoint.toString();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
