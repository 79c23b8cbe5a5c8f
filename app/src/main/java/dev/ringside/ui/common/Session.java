package dev.ringside.ui.common;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.ConnectionCloser;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.sample.TableLoad;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the screens share: the open connection and the cluster it reaches (as a job record keeps it), the table
 * chosen in the browser, whether a job is running (only one at a time, so that closing the window or switching
 * connection can ask first), and a table still being loaded in the background (the demo's sample rows), which jobs
 * wait for.
 */
public final class Session {

    private final ObjectProperty<ClusterConnection> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterEntry> cluster = new SimpleObjectProperty<>();
    private final ObjectProperty<TableRef> table = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper jobRunning = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding connected = Bindings.isNotNull(connection);
    private final ObjectProperty<TableLoad> tableLoad = new SimpleObjectProperty<>();

    /** A session that closes replaced connections on the caller's thread: for tests. */
    public Session() {
        this(ConnectionCloser.inline());
    }

    /** @param closer closes a connection once another replaces it (off the UI thread in the app) */
    public Session(ConnectionCloser closer) {
        connection.addListener((o, was, now) -> {
            if (was != null && was != now) {
                closer.close(was);
            }
            cluster.set(null);
            table.set(null);
        });
    }

    /** Uses a new connection, to the cluster these settings describe (for job records and command lines). */
    public void connect(ClusterConnection c, ClusterEntry reached) {
        connection.set(c);
        cluster.set(reached);
    }

    /** The cluster of the open connection; {@code null} when none is open or it was set without its settings. */
    public ObjectProperty<ClusterEntry> clusterProperty() {
        return cluster;
    }

    public ClusterEntry cluster() {
        return cluster.get();
    }

    public ObjectProperty<ClusterConnection> connectionProperty() {
        return connection;
    }

    public ClusterConnection connection() {
        return connection.get();
    }

    public BooleanBinding connectedProperty() {
        return connected;
    }

    public ObjectProperty<TableRef> tableProperty() {
        return table;
    }

    /** The last word of a background load into a table, or {@code null} when none runs or ran. Set on the UI thread. */
    public ObjectProperty<TableLoad> tableLoadProperty() {
        return tableLoad;
    }

    /** Whether the table is being loaded in the background now, so that a count or export would see part of it. */
    public boolean isLoading(TableRef t) {
        TableLoad load = tableLoad.get();
        return t != null && load != null && load.loading() && load.table().equals(t);
    }

    public ReadOnlyBooleanProperty jobRunningProperty() {
        return jobRunning.getReadOnlyProperty();
    }

    /** Claims the one job slot; false if another job runs. */
    public boolean startJob() {
        if (jobRunning.get()) {
            return false;
        }
        jobRunning.set(true);
        return true;
    }

    public void endJob() {
        jobRunning.set(false);
    }
}
