package dev.ringside.ui.browse;

import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringside.app.ClusterConnection;
import dev.ringside.app.SizeEstimate;
import dev.ringside.app.TablePreview;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.ColumnKind;
import dev.ringside.cluster.TableInfo;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's texts and its suggested split count, from a connection that only answers what it is asked. */
class BrowseViewModelTest {

    private final AtomicReference<SizeEstimate> estimate = new AtomicReference<>(SizeEstimate.UNKNOWN);
    private final Session session = new Session();
    private final BrowseViewModel vm = new BrowseViewModel(session, new SyncTaskRunner());

    private ClusterConnection cluster() {
        TableInfo events = new TableInfo("demo", "events", List.of(
                new ColumnInfo("id", DataTypes.UUID, ColumnKind.PARTITION_KEY),
                new ColumnInfo("at", DataTypes.TIMESTAMP, ColumnKind.CLUSTERING),
                new ColumnInfo("body", DataTypes.TEXT, ColumnKind.REGULAR)));
        return (ClusterConnection) Proxy.newProxyInstance(ClusterConnection.class.getClassLoader(),
                new Class<?>[] {ClusterConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "keyspaces" -> List.of("demo");
                    case "tables" -> List.of("events");
                    case "table" -> events;
                    case "preview" -> new TablePreview(List.of("id", "at", "body"), List.of(List.of("1", "2", "x")));
                    case "sizeEstimate" -> estimate.get();
                    case "close" -> null;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void listsTheKeyspacesAndDescribesTheChosenTable() {
        assertThat(vm.statusProperty().get()).isEqualTo("Connect to a cluster to browse its tables.");
        session.connectionProperty().set(cluster());
        assertThat(vm.statusProperty().get()).isEqualTo("1 keyspace, 1 table.");
        assertThat(vm.keyspaces()).containsExactly(new KeyspaceEntry("demo", List.of("events")));

        vm.select("demo", "events");
        assertThat(vm.statusProperty().get()).isEqualTo("demo.events: 3 columns, first 1 rows shown.");
        assertThat(vm.columns()).extracting(ColumnRow::role).containsExactly("partition key", "clustering key", "");
        assertThat(vm.sizeTextProperty().get()).isEqualTo("No size estimate yet (Cassandra estimates from data flushed "
                + "to disk, every few minutes). Suggested split count: 256.");
        assertThat(vm.suggestedSplitsProperty().get()).isEqualTo(256);
    }

    @Test
    void theSuggestedSplitCountFollowsTheSizeEstimate() {
        session.connectionProperty().set(cluster());
        estimate.set(new SizeEstimate(2_000_000, 64L * 1024 * 1024 * 1024));
        vm.select("demo", "events");
        assertThat(vm.suggestedSplitsProperty().get()).isEqualTo(2_048);
        assertThat(vm.sizeTextProperty().get()).startsWith("About 2,000,000 partitions, ")
                .contains("an estimate", "flushed to disk only", "every few minutes", "partitions, not rows")
                .endsWith("Suggested split count: 2,048.");

        session.tableProperty().set(null);
        assertThat(vm.suggestedSplitsProperty().get()).as("no table, no suggestion").isZero();
        assertThat(vm.sizeTextProperty().get()).isEmpty();
    }
}
