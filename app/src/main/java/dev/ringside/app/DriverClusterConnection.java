package dev.ringside.app;

import com.datastax.oss.driver.api.core.CqlSession;
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
import dev.ringside.engine.estimate.SizeEstimator;
import dev.ringside.engine.estimate.TableEstimate;
import dev.ringside.engine.export.ExportEngine;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.plan.RingReader;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.CqlText;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.sink.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** {@link ClusterConnection} over one driver session, the schema catalog and the engines. */
public final class DriverClusterConnection implements ClusterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(DriverClusterConnection.class);

    private final CqlSession session;
    private final SchemaCatalog catalog;
    private final RingReader ring;
    private final String password;
    private final JsonFactory json = new JsonFactory();

    public DriverClusterConnection(CqlSession session) {
        this(session, null);
    }

    /** @param password the password the session was opened with, or {@code null} */
    public DriverClusterConnection(CqlSession session, String password) {
        this.session = session;
        this.password = password;
        this.catalog = new SchemaCatalog(session);
        this.ring = new RingReader(session);
    }

    public static ClusterConnector connector() {
        return settings -> new DriverClusterConnection(new SessionFactory().open(settings), settings.password());
    }

    @Override
    public java.util.Optional<String> password() {
        return java.util.Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }

    @Override
    public String description() {
        Collection<Node> nodes = session.getMetadata().getNodes().values();
        long up = nodes.stream().filter(n -> n.getState() == NodeState.UP).count();
        String version = nodes.stream().map(Node::getCassandraVersion).filter(Objects::nonNull).map(Object::toString)
                .findFirst().orElse("?");
        return nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + " (" + up + " up), "
                + String.join(", ", datacenters()) + ", Cassandra " + version;
    }

    @Override
    public List<String> datacenters() {
        TreeSet<String> dcs = new TreeSet<>();
        session.getMetadata().getNodes().values().stream().map(Node::getDatacenter).filter(Objects::nonNull).forEach(dcs::add);
        return List.copyOf(dcs);
    }

    /** The engine's count (up nodes of the local datacenter), so the default parallelism shown is the one it uses. */
    @Override
    public int liveNodes() {
        return ring.liveNodes();
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
        rs.getColumnDefinitions().forEach(d -> columns.add(d.getName().asInternal()));
        // LIMIT with a page of the same size: one round trip, at most limit rows.
        return new TablePreview(columns, rs.all().stream().limit(limit).map(this::texts).toList());
    }

    private List<String> texts(Row row) {
        List<String> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(text(row.getObject(i)));
        }
        return values;
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
            // Writing to a StringWriter does not fail; a value JsonValues cannot render still shows, as Java prints it.
            LOG.debug("Preview shows a {} as Java text: {}", value.getClass().getSimpleName(), e.toString());
            return String.valueOf(value);
        }
        return w.toString();
    }

    @Override
    public SizeEstimate sizeEstimate(String keyspace, String table) {
        try {
            TableEstimate e = new SizeEstimator(session).estimate(keyspace, table);
            return e.known() ? new SizeEstimate(e.partitions(), e.bytes()) : SizeEstimate.UNKNOWN;
        } catch (RuntimeException | SchemaException e) {
            // The estimate only guides the split count: the screen says "no estimate" and the job still runs.
            LOG.warn("No size estimate for {}.{}: {}", keyspace, table, e.toString());
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
