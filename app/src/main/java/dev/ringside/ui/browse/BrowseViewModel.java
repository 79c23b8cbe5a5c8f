package dev.ringside.ui.browse;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.SizeEstimate;
import dev.ringside.app.TablePreview;
import dev.ringside.app.TableRef;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.cluster.TableInfo;
import dev.ringside.ui.common.Bundles;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The browser: keyspaces and tables (system keyspaces hidden unless asked), the chosen table's columns with their
 * keys marked, a preview of its first rows and its estimated size with a suggested split count, all fetched off the
 * UI thread.
 */
public final class BrowseViewModel {

    public static final int PREVIEW_ROWS = 100;

    private final Session session;
    private final TaskRunner runner;
    private final ResourceBundle texts = Bundles.load("dev.ringside.ui.browse.browse");
    private final BooleanProperty showSystem = new SimpleBooleanProperty(false);
    private final ObservableList<KeyspaceEntry> keyspaces = FXCollections.observableArrayList();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TablePreview> preview = new ReadOnlyObjectWrapper<>(new TablePreview(List.of(), List.of()));
    /** The chosen table's size estimate; null while no table's details are shown. */
    private final ReadOnlyObjectWrapper<SizeEstimate> size = new ReadOnlyObjectWrapper<>();
    private final IntegerBinding suggestedSplits = Bindings.createIntegerBinding(
            () -> size.get() == null ? 0 : size.get().suggestedSplits(), size);
    private final StringBinding sizeText = Bindings.createStringBinding(this::describeSize, size);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(text("status.connectFirst"));
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

    private String text(String key, Object... args) {
        String text = texts.getString(key);
        return args.length == 0 ? text : MessageFormat.format(text, args);
    }

    private void clearTable() {
        columns.clear();
        preview.set(new TablePreview(List.of(), List.of()));
        size.set(null);
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
            status.set(text(system ? "status.listedWithSystem" : "status.listed", list.size(), tables));
        }, error -> {
            loading.set(false);
            status.set(text("status.listFailed", Messages.of(error)));
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
        status.set(text("status.loading", ref));
        runner.run("table", () -> new Loaded(c.table(ref.keyspace(), ref.table()), c.preview(ref.keyspace(), ref.table(), PREVIEW_ROWS),
                c.sizeEstimate(ref.keyspace(), ref.table())), loaded -> {
            loading.set(false);
            if (!ref.equals(session.tableProperty().get())) {
                return; // the user chose another table meanwhile
            }
            columns.setAll(loaded.info().columns().stream()
                    .map(col -> new ColumnRow(col.name(), col.cqlType(), role(col))).toList());
            preview.set(loaded.preview());
            size.set(loaded.size());
            status.set(text("status.loaded", ref, columns.size(), loaded.preview().rows().size()));
        }, error -> {
            loading.set(false);
            status.set(text("status.loadFailed", ref, Messages.of(error)));
        });
    }

    private String role(ColumnInfo col) {
        return switch (col.kind()) {
            case PARTITION_KEY -> text("role.partitionKey");
            case CLUSTERING -> text("role.clustering");
            case STATIC -> text("role.static");
            case REGULAR -> "";
        };
    }

    private String describeSize() {
        SizeEstimate s = size.get();
        if (s == null) {
            return "";
        }
        String splits = Formats.count(s.suggestedSplits());
        return s.known() ? text("size.known", Formats.count(s.partitions()), Formats.bytes(s.bytes()), splits)
                : text("size.unknown", splits);
    }

    private record Loaded(TableInfo info, TablePreview preview, SizeEstimate size) {
    }

    public BooleanProperty showSystemProperty() { return showSystem; }
    public ObservableList<KeyspaceEntry> keyspaces() { return keyspaces; }
    public ObservableList<ColumnRow> columns() { return columns; }
    public ReadOnlyObjectProperty<TablePreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SizeEstimate> sizeProperty() { return size.getReadOnlyProperty(); }
    public ObservableStringValue sizeTextProperty() { return sizeText; }
    /**
     * The split count the chosen table's size suggests (ranges of about 32 MB; 256 when Cassandra has no estimate
     * yet), or 0 while no table is shown. The count and export screens may offer it.
     */
    public ObservableIntegerValue suggestedSplitsProperty() { return suggestedSplits; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ObjectProperty<TableRef> tableProperty() { return session.tableProperty(); }
}
