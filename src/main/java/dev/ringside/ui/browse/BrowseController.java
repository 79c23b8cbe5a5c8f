package dev.ringside.ui.browse;

import dev.ringside.app.TablePreview;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.util.List;
import java.util.ResourceBundle;

/** Binds the browser: the tree mirrors the view-model's keyspaces; choosing a table tells the view-model. */
public final class BrowseController {

    private static final double PREVIEW_COLUMN_WIDTH = 140;

    private final BrowseViewModel vm;

    @FXML Button refresh;
    @FXML CheckBox showSystem;
    @FXML TreeView<String> tree;
    @FXML Label tableName;
    @FXML Label size;
    @FXML TableView<ColumnRow> columns;
    @FXML TableColumn<ColumnRow, String> columnName;
    @FXML TableColumn<ColumnRow, String> columnType;
    @FXML TableColumn<ColumnRow, String> columnRole;
    @FXML TableView<List<String>> preview;
    @FXML Label status;
    /** The screen's bundle, set by the FXML loader. */
    @FXML ResourceBundle resources;

    public BrowseController(BrowseViewModel vm) {
        this.vm = vm;
    }

    @FXML
    void initialize() {
        showSystem.selectedProperty().bindBidirectional(vm.showSystemProperty());
        tree.setRoot(new TreeItem<>("cluster"));
        vm.keyspaces().addListener((ListChangeListener<KeyspaceEntry>) c -> rebuildTree());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.isLeaf() && now.getParent() != tree.getRoot()) {
                vm.select(now.getParent().getValue(), now.getValue());
            }
        });
        tableName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.tableProperty().get() == null ? resources.getString("table.none") : vm.tableProperty().get().toString(),
                vm.tableProperty()));
        size.textProperty().bind(vm.sizeTextProperty());
        columns.setItems(vm.columns());
        columnName.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().name()));
        columnType.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().type()));
        columnRole.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().role()));
        columns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vm.previewProperty().addListener((o, was, now) -> showPreview(now));
        preview.widthProperty().addListener((o, was, now) -> fitPreviewColumns());
        status.textProperty().bind(vm.statusProperty());
        refresh.disableProperty().bind(vm.loadingProperty());
    }

    private void rebuildTree() {
        TreeItem<String> root = tree.getRoot();
        root.getChildren().clear();
        for (KeyspaceEntry k : vm.keyspaces()) {
            TreeItem<String> ks = new TreeItem<>(k.keyspace());
            k.tables().forEach(t -> ks.getChildren().add(new TreeItem<>(t)));
            ks.setExpanded(vm.keyspaces().size() <= 6);
            root.getChildren().add(ks);
        }
    }

    private void showPreview(TablePreview p) {
        preview.getColumns().clear();
        for (int i = 0; i < p.columns().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(p.columns().get(i));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(index)));
            col.setPrefWidth(PREVIEW_COLUMN_WIDTH);
            preview.getColumns().add(col);
        }
        preview.getItems().setAll(p.rows());
        fitPreviewColumns();
    }

    /**
     * Columns that fit share the table's width, the last one taking what is left (no empty filler column); more
     * columns than fit keep their width and scroll sideways.
     */
    private void fitPreviewColumns() {
        boolean fit = preview.getColumns().size() * PREVIEW_COLUMN_WIDTH <= preview.getWidth();
        preview.setColumnResizePolicy(fit ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                : TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    @FXML
    void refresh() {
        vm.refresh();
    }
}
