package dev.ringside.ui.count;

import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.HotPartition;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.RangeReportChooser;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

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
    @FXML Button copyCommand;
    @FXML Button runOnSpark;
    private final dev.ringside.ui.spark.SparkOpener spark;
    @FXML Label status;
    @FXML LiveProgressPane live;
    @FXML Label result;
    @FXML ListView<String> rowsPerNode;
    @FXML ListView<String> failures;
    @FXML CheckBox findTop;
    @FXML Spinner<Integer> topCount;
    @FXML Label topError;
    @FXML Button saveReport;
    @FXML Label reportStatus;
    @FXML VBox topBox;
    @FXML TableView<HotPartition> hotPartitions;
    @FXML TableColumn<HotPartition, String> hotKey;
    @FXML TableColumn<HotPartition, Long> hotRows;
    @FXML TableColumn<HotPartition, Long> hotToken;
    @FXML TableColumn<HotPartition, String> hotOwners;

    public CountController(CountViewModel vm, javafx.beans.value.ObservableObjectValue<dev.ringside.app.TableRef> table,
                           dev.ringside.ui.spark.SparkOpener spark) {
        this.spark = spark;
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
        runOnSpark.disableProperty().bind(Bindings.isNull(table).or(vm.runningProperty()));
        status.textProperty().bind(vm.statusProperty());
        live.bind(vm.progress());
        result.textProperty().bind(vm.resultProperty());
        rowsPerNode.setItems(vm.rowsPerNode());
        failures.setItems(vm.failures());
        fitToItems(rowsPerNode, 12);
        fitToItems(failures, 6);
        findTop.selectedProperty().bindBidirectional(vm.findTopPartitionsProperty());
        findTop.disableProperty().bind(vm.runningProperty());
        topCount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, CountRequest.MAX_TOP_PARTITIONS,
                vm.topPartitionsProperty().get()));
        topCount.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.topPartitionsProperty().set(now);
            }
        });
        topCount.disableProperty().bind(vm.findTopPartitionsProperty().not().or(vm.runningProperty()));
        topError.visibleProperty().bind(vm.topPartitionsValidProperty().not());
        topError.managedProperty().bind(topError.visibleProperty());
        saveReport.disableProperty().bind(vm.rangeReport().availableProperty().not().or(vm.runningProperty()));
        reportStatus.textProperty().bind(vm.rangeReport().statusProperty());
        topBox.visibleProperty().bind(vm.findTopPartitionsProperty().or(Bindings.isNotEmpty(vm.hotPartitions())));
        topBox.managedProperty().bind(topBox.visibleProperty());
        hotPartitions.setItems(vm.hotPartitions());
        // Owners take the rest of the width: a key, a token and three nodes show whole, with no filler column.
        hotPartitions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hotPartitions.setPlaceholder(new Label(resources.getString("top.empty")));
        hotKey.textProperty().bind(Bindings.createStringBinding(() -> vm.hotKeyColumnsProperty().get().isEmpty()
                ? resources.getString("top.column.key") : vm.hotKeyColumnsProperty().get(), vm.hotKeyColumnsProperty()));
        hotKey.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(CountViewModel.keyText(c.getValue())));
        hotRows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        hotRows.setCellFactory(c -> numberCell());
        hotToken.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().token()));
        hotOwners.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join(", ", c.getValue().replicas())));
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

    private static TableCell<HotPartition, Long> numberCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.count(item));
            }
        };
    }

    @FXML void saveReport() { RangeReportChooser.chooseAndSave(saveReport, vm.rangeReport()); }

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

    /** "Run on Spark…": the job as set up here, in a window of its own. */
    @FXML
    void runOnSpark() {
        vm.sparkJob().ifPresent(job -> spark.open(job, vm.clusterPassword()));
    }
}
