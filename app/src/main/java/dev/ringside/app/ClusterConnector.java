package dev.ringside.app;

import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;

/** Opens connections; the app uses {@link DriverClusterConnection#connector()}. */
@FunctionalInterface
public interface ClusterConnector {

    ClusterConnection connect(ConnectionSettings settings) throws ConnectionException;
}
