package dev.ringside.app;

import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;

import java.util.List;

/**
 * What the screens may ask of a connected cluster. View-models see only this interface, never the driver; all
 * methods block and are called through a {@link TaskRunner}, off the UI thread.
 */
public interface ClusterConnection extends AutoCloseable {

    /** "3 nodes (3 up), datacenter1, Cassandra 5.0.6" */
    String description();

    List<String> datacenters();

    int liveNodes();

    List<String> keyspaces(boolean includeSystem);

    List<String> tables(String keyspace) throws SchemaException;

    TableInfo table(String keyspace, String table) throws SchemaException;

    TablePreview preview(String keyspace, String table, int limit) throws SchemaException;

    SizeEstimate sizeEstimate(String keyspace, String table);

    JobHandle<CountResult> count(CountRequest request, ProgressListener listener) throws Exception;

    JobHandle<ExportResult> export(ExportRequest request, ProgressListener listener) throws Exception;

    /**
     * The password this connection was opened with, to hand to a job the app launches itself (Spark's driver reads
     * it from its environment); empty without one. Never written anywhere.
     */
    default java.util.Optional<String> password() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
