package dev.ringside.ui.count;

import dev.ringside.ui.common.LiveProgressPane;
import dev.ringside.ui.common.RangeSettingsPane;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.ResourceBundle;

/** Binds the count view to its view-model. */
public final class CountController {

    private final CountViewModel vm;
    private final javafx.beans.value.ObservableObjectValue<dev.ringside.app.TableRef> table;

    @FXML ResourceBundle resources;
    @FXML Label tableName;
    @FXML RangeSettingsPane settings;
    @FXML Button start;
    @FXML Button cancel;
    @FXML Button copyCommand;
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
        copyCommand.disableProperty().bind(Bindings.isNull(table));
        status.textProperty().bind(vm.statusProperty());
        live.bind(vm.progress());
        result.textProperty().bind(vm.resultProperty());
        rowsPerNode.setItems(vm.rowsPerNode());
        failures.setItems(vm.failures());
    }

    @FXML void start() { vm.start(); }
    @FXML void cancel() { vm.cancel(); }

    /** Copy as command: the view-model words the job, the clipboard is the view's. */
    @FXML
    void copyCommand() {
        vm.commandLine().ifPresent(line -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(line);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
