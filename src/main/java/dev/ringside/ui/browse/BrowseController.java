package dev.ringside.ui.browse;

import dev.ringside.app.TablePreview;
import javafx.beans.binding.Bindings;
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
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.List;
import java.util.ResourceBundle;

/** Binds the browser: the tree mirrors the view-model's keyspaces; choosing a table tells the view-model. */
public final class BrowseController {

    private static final double MIN_COLUMN_WIDTH = 70;
    private static final double MAX_COLUMN_WIDTH = 360;
    private static final double CELL_PADDING = 28;
    private static final double SCROLLBAR_ROOM = 18;
    private static final int MEASURED_ROWS = 30;

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
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        double others = 0;
        for (int i = 0; i < p.columns().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(p.columns().get(i));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(index)));
            double width = contentWidth(p, i);
            if (i < p.columns().size() - 1) {
                col.setPrefWidth(width);
                others += width;
            } else {
                // The last column takes the room the others leave, so no empty filler column shows.
                double rest = others;
                col.prefWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.max(width, preview.getWidth() - rest - SCROLLBAR_ROOM), preview.widthProperty()));
            }
            preview.getColumns().add(col);
        }
        preview.getItems().setAll(p.rows());
    }

    /** Wide enough for the header and the longest of the first rows' values, within bounds. */
    private static double contentWidth(TablePreview p, int column) {
        double widest = measure(p.columns().get(column));
        for (List<String> row : p.rows().subList(0, Math.min(p.rows().size(), MEASURED_ROWS))) {
            String value = row.get(column);
            if (value != null) {
                widest = Math.max(widest, measure(value));
            }
        }
        // The cells' font runs a little wider than the default one measured here.
        return Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, widest * 1.08 + CELL_PADDING));
    }

    private static double measure(String text) {
        Text t = new Text(text.length() > 80 ? text.substring(0, 80) : text);
        t.setFont(Font.getDefault());
        return t.getLayoutBounds().getWidth();
    }

    @FXML
    void refresh() {
        vm.refresh();
    }
}
