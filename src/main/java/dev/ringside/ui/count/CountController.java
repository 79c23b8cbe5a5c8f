package dev.ringside.ui.count;

import dev.ringside.ui.common.LiveProgressPane;
import dev.ringside.ui.common.RangeSettingsPane;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import java.util.ResourceBundle;

/** Binds the count view to its view-model. */
public final class CountController {

    private static final int MIN_ROWS = 3;
    /** The list's border and padding around its cells. */
    private static final double FRAME = 6;

    private final CountViewModel vm;
    private final javafx.beans.value.ObservableObjectValue<dev.ringside.app.TableRef> table;

    @FXML ResourceBundle resources;
    @FXML Label tableName;
    @FXML RangeSettingsPane settings;
    @FXML Button start;
    @FXML Button cancel;
    @FXML Label status;
    @FXML LiveProgressPane live;
    @FXML Label result;
    @FXML ListView<String> rowsPerNode;
    @FXML ListView<String> failures;

    public CountController(CountViewModel vm, javafx.beans.value.ObservableObjectValue<dev.ringside.app.TableRef> table) {
        this.vm = vm;
        this.table = table;
    }

    @FXML
    void initialize() {
        tableName.textProperty().bind(Bindings.createStringBinding(() -> table.get() == null ? resources.getString("noTable") : table.get().toString(), table));
        settings.bind(vm.settings());
        settings.disableWhile(vm.runningProperty());
        start.disableProperty().bind(vm.canStartProperty().not());
        cancel.disableProperty().bind(vm.runningProperty().not());
        status.textProperty().bind(vm.statusProperty());
        live.bind(vm.progress());
        result.textProperty().bind(vm.resultProperty());
        rowsPerNode.setItems(vm.rowsPerNode());
        failures.setItems(vm.failures());
        fitToItems(rowsPerNode, 12);
        fitToItems(failures, 6);
    }

    /**
     * Tall enough for every item up to {@code maxRows} (at least three rows), so that a cluster's nodes never hide
     * behind a scrollbar; a long list of failures scrolls past {@code maxRows}.
     */
    private static void fitToItems(ListView<String> list, int maxRows) {
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(maxRows, Math.max(MIN_ROWS, list.getItems().size())) * list.getFixedCellSize() + FRAME,
                list.getItems()));
        list.minHeightProperty().bind(list.prefHeightProperty());
    }

    @FXML void start() { vm.start(); }
    @FXML void cancel() { vm.cancel(); }
}
