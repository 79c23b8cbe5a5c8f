package dev.ringside.ui.browse;

import dev.ringside.app.TablePreview;
import dev.ringside.ui.common.TableCopy;
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
    /** Even with room to spare, a column of very long values is not made wider than this. */
    private static final double MAX_MEASURED_WIDTH = 900;
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
        TableCopy.install(columns);
        TableCopy.install(preview);
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

    /**
     * One column per preview column, each as wide as its header and values (measured in the font the cells use), so
     * that nothing is cut while the table has room. Only when the columns do not all fit are wide ones held to
     * {@value #MAX_COLUMN_WIDTH} px (the rest scrolls). The last column takes the room left, so no filler shows.
     */
    private void showPreview(TablePreview p) {
        preview.getColumns().clear();
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Font font = cellFont();
        double[] widths = new double[p.columns().size()];
        double total = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = contentWidth(p, i, font);
            total += widths[i];
        }
        if (total > preview.getWidth() - SCROLLBAR_ROOM) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.min(MAX_COLUMN_WIDTH, widths[i]);
            }
        }
        double others = 0;
        for (int i = 0; i < widths.length; i++) {
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(p.columns().get(i));
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(index)));
            double width = widths[i];
            if (i < widths.length - 1) {
                col.setPrefWidth(width);
                others += width;
            } else {
                double rest = others;
                col.prefWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.max(width, preview.getWidth() - rest - SCROLLBAR_ROOM), preview.widthProperty()));
            }
            preview.getColumns().add(col);
        }
        preview.getItems().setAll(p.rows());
    }

    /** The font the theme gives plain text (the status line's), which the table's cells use too. */
    private Font cellFont() {
        return status.getFont() != null ? status.getFont() : Font.getDefault();
    }

    /** Wide enough for the header and the longest of the first rows' values. */
    private static double contentWidth(TablePreview p, int column, Font font) {
        double widest = measure(p.columns().get(column), font);
        for (List<String> row : p.rows().subList(0, Math.min(p.rows().size(), MEASURED_ROWS))) {
            String value = row.get(column);
            if (value != null) {
                widest = Math.max(widest, measure(value, font));
            }
        }
        return Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_MEASURED_WIDTH, Math.ceil(widest) + CELL_PADDING));
    }

    private static double measure(String text, Font font) {
        Text t = new Text(text.length() > 200 ? text.substring(0, 200) : text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @FXML
    void refresh() {
        vm.refresh();
    }
}
