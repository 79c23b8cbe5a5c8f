package dev.ringside.ui.browse;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.SizeEstimate;
import dev.ringside.app.TablePreview;
import dev.ringside.app.TableRef;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.TableInfo;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The browser: keyspaces and tables (system keyspaces hidden unless asked), the chosen table's columns with their
 * keys marked, a preview of its first rows and its estimated size, all fetched off the UI thread.
 */
public final class BrowseViewModel {

    public static final int PREVIEW_ROWS = 100;

    private final Session session;
    private final TaskRunner runner;
    private final BooleanProperty showSystem = new SimpleBooleanProperty(false);
    private final ObservableList<KeyspaceEntry> keyspaces = FXCollections.observableArrayList();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TablePreview> preview = new ReadOnlyObjectWrapper<>(new TablePreview(List.of(), List.of()));
    private final ReadOnlyStringWrapper sizeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper suggestedSplits = new ReadOnlyIntegerWrapper(256);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Connect to a cluster to browse its tables.");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    public BrowseViewModel(Session session, TaskRunner runner) {
        this.session = session;
        this.runner = runner;
        session.connectionProperty().addListener((o, was, now) -> {
            keyspaces.clear();
            clearTable();
            if (now != null) {
                refresh();
            }
        });
        showSystem.addListener((o, was, now) -> refresh());
        session.tableProperty().addListener((o, was, now) -> {
            if (now == null) {
                clearTable();
            } else if (!now.equals(was)) {
                loadTable(now);
            }
        });
    }

    private void clearTable() {
        columns.clear();
        preview.set(new TablePreview(List.of(), List.of()));
        sizeText.set("");
    }

    /** Reloads the keyspace tree. */
    public void refresh() {
        ClusterConnection c = session.connection();
        if (c == null) {
            return;
        }
        boolean system = showSystem.get();
        loading.set(true);
        runner.run("keyspaces", () -> {
            List<KeyspaceEntry> list = new ArrayList<>();
            for (String ks : c.keyspaces(system)) {
                list.add(new KeyspaceEntry(ks, c.tables(ks)));
            }
            return list;
        }, list -> {
            loading.set(false);
            keyspaces.setAll(list);
            int tables = list.stream().mapToInt(k -> k.tables().size()).sum();
            status.set(list.size() + " keyspace" + (list.size() == 1 ? "" : "s") + ", " + tables + " table" + (tables == 1 ? "" : "s")
                    + (system ? " (system keyspaces shown)." : "."));
        }, error -> {
            loading.set(false);
            status.set("Could not list keyspaces: " + Messages.of(error));
        });
    }

    /** Chooses a table for the count and export screens and loads its details. */
    public void select(String keyspace, String table) {
        session.tableProperty().set(new TableRef(keyspace, table));
    }

    private void loadTable(TableRef ref) {
        ClusterConnection c = session.connection();
        if (c == null) {
            return;
        }
        loading.set(true);
        status.set("Loading " + ref + " …");
        runner.run("table", () -> new Loaded(c.table(ref.keyspace(), ref.table()), c.preview(ref.keyspace(), ref.table(), PREVIEW_ROWS),
                c.sizeEstimate(ref.keyspace(), ref.table())), loaded -> {
            loading.set(false);
            if (!ref.equals(session.tableProperty().get())) {
                return; // the user chose another table meanwhile
            }
            List<ColumnRow> rows = new ArrayList<>();
            for (ColumnInfo col : loaded.info().columns()) {
                rows.add(new ColumnRow(col.name(), col.cqlType(), switch (col.kind()) {
                    case PARTITION_KEY -> "partition key";
                    case CLUSTERING -> "clustering key";
                    case STATIC -> "static";
                    case REGULAR -> "";
                }));
            }
            columns.setAll(rows);
            preview.set(loaded.preview());
            SizeEstimate size = loaded.size();
            suggestedSplits.set(size.suggestedSplits());
            sizeText.set(size.known()
                    ? String.format(Locale.ROOT, "About %s partitions, %s (Cassandra's estimate). Suggested split count: %,d.",
                    Formats.count(size.partitions()), Formats.bytes(size.bytes()), size.suggestedSplits())
                    : "No size estimate yet (Cassandra estimates from data flushed to disk, every few minutes). Suggested split count: 256.");
            status.set(ref + ": " + rows.size() + " columns, first " + loaded.preview().rows().size() + " rows shown.");
        }, error -> {
            loading.set(false);
            status.set("Could not load " + ref + ": " + Messages.of(error));
        });
    }

    private record Loaded(TableInfo info, TablePreview preview, SizeEstimate size) {
    }

    public BooleanProperty showSystemProperty() { return showSystem; }
    public ObservableList<KeyspaceEntry> keyspaces() { return keyspaces; }
    public ObservableList<ColumnRow> columns() { return columns; }
    public ReadOnlyObjectProperty<TablePreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sizeTextProperty() { return sizeText.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty suggestedSplitsProperty() { return suggestedSplits.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ObjectProperty<TableRef> tableProperty() { return session.tableProperty(); }
}
