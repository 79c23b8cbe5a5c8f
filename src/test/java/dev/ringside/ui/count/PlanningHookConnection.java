package dev.ringside.ui.count;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.SizeEstimate;
import dev.ringside.app.TablePreview;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;

import java.util.List;

/** A real connection that runs {@code whilePlanning} before each job starts: where the user may already press Cancel. */
final class PlanningHookConnection implements ClusterConnection {

    private final ClusterConnection real;
    private final Runnable whilePlanning;

    PlanningHookConnection(ClusterConnection real, Runnable whilePlanning) {
        this.real = real;
        this.whilePlanning = whilePlanning;
    }

    @Override public String description() { return real.description(); }
    @Override public List<String> datacenters() { return real.datacenters(); }
    @Override public int liveNodes() { return real.liveNodes(); }
    @Override public List<String> keyspaces(boolean includeSystem) { return real.keyspaces(includeSystem); }
    @Override public List<String> tables(String keyspace) throws SchemaException { return real.tables(keyspace); }
    @Override public TableInfo table(String keyspace, String table) throws SchemaException { return real.table(keyspace, table); }
    @Override public TablePreview preview(String keyspace, String table, int limit) throws SchemaException { return real.preview(keyspace, table, limit); }
    @Override public SizeEstimate sizeEstimate(String keyspace, String table) { return real.sizeEstimate(keyspace, table); }

    @Override
    public JobHandle<CountResult> count(CountRequest request, ProgressListener listener) throws Exception {
        whilePlanning.run();
        return real.count(request, listener);
    }

    @Override
    public JobHandle<ExportResult> export(ExportRequest request, ProgressListener listener) throws Exception {
        whilePlanning.run();
        return real.export(request, listener);
    }

    @Override
    public void close() {
        real.close();
    }
}
