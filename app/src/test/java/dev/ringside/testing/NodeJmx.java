package dev.ringside.testing;

import dev.ringside.sandbox.SandboxSettings;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What {@code nodetool} would do, for tests: the sandbox's nodes listen for local JMX on loopback, one port each
 * ({@link SandboxSettings#jmxPort}), and Cassandra's StorageService does the work.
 */
public final class NodeJmx {

    private static final String STORAGE_SERVICE = "org.apache.cassandra.db:type=StorageService";

    private NodeJmx() {
    }

    /** Flushes the table on every node, then has every node recompute {@code system.size_estimates} now. */
    public static void flushAndRefreshEstimates(SandboxSettings settings, String keyspace, String table) throws Exception {
        for (int node = 1; node <= settings.nodes(); node++) {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + settings.jmxPort(node) + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName storage = new ObjectName(STORAGE_SERVICE);
                server.invoke(storage, "forceKeyspaceFlush", new Object[] {keyspace, new String[] {table}},
                        new String[] {String.class.getName(), String[].class.getName()});
                server.invoke(storage, "refreshSizeEstimates", new Object[0], new String[0]);
            }
        }
    }
}
