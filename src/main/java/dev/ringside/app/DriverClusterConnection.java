package dev.ringside.app;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.export.ExportEngine;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.CqlText;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.JsonValues;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@link ClusterConnection} over one driver session, the schema catalog and the engines. */
public final class DriverClusterConnection implements ClusterConnection {

    private final CqlSession session;
    private final SchemaCatalog catalog;
    private final JsonFactory json = new JsonFactory();

    public DriverClusterConnection(CqlSession session) {
        this.session = session;
        this.catalog = new SchemaCatalog(session);
    }

    public static ClusterConnector connector() {
        return settings -> new DriverClusterConnection(new SessionFactory().open(settings));
    }

    @Override
    public String description() {
        Collection<Node> nodes = session.getMetadata().getNodes().values();
        String version = nodes.stream().map(Node::getCassandraVersion).filter(v -> v != null).map(Object::toString)
                .findFirst().orElse("?");
        return nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + " (" + liveNodes() + " up), "
                + String.join(", ", datacenters()) + ", Cassandra " + version;
    }

    @Override
    public List<String> datacenters() {
        TreeSet<String> dcs = new TreeSet<>();
        session.getMetadata().getNodes().values().forEach(n -> Optional.ofNullable(n.getDatacenter()).ifPresent(dcs::add));
        return List.copyOf(dcs);
    }

    @Override
    public int liveNodes() {
        return (int) session.getMetadata().getNodes().values().stream().filter(n -> n.getState() == NodeState.UP).count();
    }

    @Override
    public List<String> keyspaces(boolean includeSystem) {
        return catalog.keyspaces(includeSystem);
    }

    @Override
    public List<String> tables(String keyspace) throws SchemaException {
        return catalog.tables(keyspace);
    }

    @Override
    public TableInfo table(String keyspace, String table) throws SchemaException {
        return catalog.table(keyspace, table);
    }

    @Override
    public TablePreview preview(String keyspace, String table, int limit) throws SchemaException {
        TableInfo info = catalog.table(keyspace, table);
        ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT * FROM " + info.cqlName() + " LIMIT " + limit)
                .setPageSize(limit));
        List<String> columns = new ArrayList<>();
        for (ColumnDefinition d : rs.getColumnDefinitions()) {
            columns.add(d.getName().asInternal());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Row row : rs) {
            List<String> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(text(row.getObject(i)));
            }
            rows.add(values);
            if (rows.size() >= limit) {
                break;
            }
        }
        return new TablePreview(columns, rows);
    }

    /** The same text forms as a CSV export: scalars as text, collections and UDTs as JSON; null as empty. */
    private String text(Object value) {
        if (value == null) {
            return "";
        }
        String scalar = CqlText.scalar(value);
        if (scalar != null) {
            return scalar;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = json.createGenerator(w)) {
            JsonValues.write(g, value);
        } catch (IOException e) {
            return String.valueOf(value);
        }
        return w.toString();
    }

    @Override
    public SizeEstimate sizeEstimate(String keyspace, String table) {
        try {
            TableInfo info = catalog.table(keyspace, table);
            ResultSet rs = session.execute(SimpleStatement.newInstance(
                    "SELECT partitions_count, mean_partition_size FROM system.size_estimates "
                            + "WHERE keyspace_name = ? AND table_name = ?", info.keyspace(), info.table()));
            long partitions = 0;
            double bytes = 0;
            boolean any = false;
            for (Row r : rs) {
                any = true;
                partitions += r.getLong("partitions_count");
                bytes += (double) r.getLong("partitions_count") * r.getLong("mean_partition_size");
            }
            if (!any || partitions == 0) {
                return SizeEstimate.UNKNOWN; // estimates cover flushed data only; a fresh table has none yet
            }
            // The coordinator reports its own primary ranges; scale to the cluster.
            int nodes = Math.max(1, session.getMetadata().getNodes().size());
            return new SizeEstimate(partitions * nodes, Math.round(bytes * nodes));
        } catch (RuntimeException | SchemaException e) {
            return SizeEstimate.UNKNOWN;
        }
    }

    @Override
    public JobHandle<CountResult> count(CountRequest request, ProgressListener listener) throws Exception {
        return new CountEngine(session).start(request, listener);
    }

    @Override
    public JobHandle<ExportResult> export(ExportRequest request, ProgressListener listener) throws Exception {
        return new ExportEngine(session, new DefaultRowFileWriters()).start(request, listener);
    }

    @Override
    public void close() {
        session.close();
    }
}
