package dev.ringside.ui.export;

import dev.ringside.ui.common.RangeReportChooser;

import dev.ringside.app.TableRef;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.ParquetOptions.ParquetCompression;
import dev.ringside.ui.common.LiveProgressPane;
import dev.ringside.ui.common.RangeSettingsPane;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;

/** Binds the export view to its view-model; the file chooser and the clipboard are its own. */
public final class ExportController {

    private final ExportViewModel vm;
    private final ObservableObjectValue<TableRef> table;
    // Bidirectional bindings hold their ends weakly: keep the asObject() adapters alive.
    private javafx.beans.property.ObjectProperty<Integer> filesValue;
    private javafx.beans.property.ObjectProperty<Long> throttleValue;

    @FXML ResourceBundle resources;
    @FXML Label tableName;
    @FXML VBox optionsBox;
    @FXML TextField output;
    @FXML ComboBox<ExportFormat> format;
    @FXML Spinner<Integer> files;
    @FXML TextField where;
    @FXML Spinner<Long> throttle;
    @FXML VBox csvOptions;
    @FXML CheckBox csvHeader;
    @FXML TextField csvDelimiter;
    @FXML TextField csvNullString;
    @FXML CheckBox csvGzip;
    @FXML CheckBox csvBom;
    @FXML HBox jsonlOptions;
    @FXML ComboBox<dev.ringside.sink.TextCompression> jsonlCompression;
    @FXML ComboBox<String> rowsPerFile;
    @FXML TextField limit;
    @FXML TextField sample;
    @FXML HBox parquetOptions;
    @FXML ComboBox<ParquetCompression> parquetCompression;
    @FXML Label optionError;
    @FXML RangeSettingsPane settings;
    @FXML ListView<ColumnChoice> columns;
    @FXML Button start;
    @FXML Button cancel;
    @FXML Button copyCommand;
    @FXML Button runOnSpark;
    private final dev.ringside.ui.spark.SparkOpener spark;
    @FXML Button resume;
    @FXML Label status;
    @FXML LiveProgressPane live;
    @FXML HBox summaryBox;
    @FXML javafx.scene.control.TitledPane settingsPane;
    @FXML Label summary;
    @FXML Button openFolder;
    @FXML Button saveReport;
    @FXML Label reportStatus;
    @FXML HBox reportBox;
    @FXML Button copyPath;
    @FXML VBox failuresBox;
    @FXML ListView<String> failures;

    public ExportController(ExportViewModel vm, ObservableObjectValue<TableRef> table, dev.ringside.ui.spark.SparkOpener spark) {
        this.spark = spark;
        this.vm = vm;
        this.table = table;
    }

    @FXML
    void initialize() {
        tableName.textProperty().bind(Bindings.createStringBinding(() -> table.get() == null ? resources.getString("noTable") : table.get().toString(), table));
        output.textProperty().bindBidirectional(vm.outputProperty());
        format.getItems().setAll(ExportFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : resources.getString("format." + f.name());
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(vm.formatProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory filesFactory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 256, 1);
        files.setValueFactory(filesFactory);
        filesValue = vm.filesProperty().asObject();
        filesFactory.valueProperty().bindBidirectional(filesValue);
        SpinnerValueFactory<Long> throttleFactory = new SpinnerValueFactory<>() {
            @Override
            public void decrement(int steps) {
                setValue(Math.max(0, getValue() - 1000L * steps));
            }

            @Override
            public void increment(int steps) {
                setValue(getValue() + 1000L * steps);
            }
        };
        throttleFactory.setConverter(new javafx.util.converter.LongStringConverter());
        throttleFactory.setValue(0L);
        throttle.setValueFactory(throttleFactory);
        throttleValue = vm.maxRowsPerSecondProperty().asObject();
        throttleFactory.valueProperty().bindBidirectional(throttleValue);
        where.textProperty().bindBidirectional(vm.whereProperty());
        csvHeader.selectedProperty().bindBidirectional(vm.csvHeaderProperty());
        csvDelimiter.textProperty().bindBidirectional(vm.csvDelimiterProperty());
        csvNullString.textProperty().bindBidirectional(vm.csvNullStringProperty());
        csvGzip.selectedProperty().bindBidirectional(vm.csvGzipProperty());
        csvBom.selectedProperty().bindBidirectional(vm.csvBomProperty());
        jsonlCompression.getItems().setAll(dev.ringside.sink.TextCompression.values());
        jsonlCompression.setConverter(new StringConverter<>() {
            @Override
            public String toString(dev.ringside.sink.TextCompression c) {
                return c == null ? "" : resources.getString("compression." + c.name());
            }

            @Override
            public dev.ringside.sink.TextCompression fromString(String s) {
                return null;
            }
        });
        jsonlCompression.valueProperty().bindBidirectional(vm.jsonlCompressionProperty());
        jsonlOptions.visibleProperty().bind(vm.formatProperty().isEqualTo(ExportFormat.JSONL));
        jsonlOptions.managedProperty().bind(jsonlOptions.visibleProperty());
        rowsPerFile.getItems().setAll(vm.excelChoice());
        rowsPerFile.getEditor().textProperty().bindBidirectional(vm.rowsPerFileProperty());
        rowsPerFile.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.rowsPerFileProperty().set(now);
            }
        });
        limit.textProperty().bindBidirectional(vm.limitProperty());
        sample.textProperty().bindBidirectional(vm.samplePercentProperty());
        csvOptions.visibleProperty().bind(vm.formatProperty().isEqualTo(ExportFormat.CSV));
        csvOptions.managedProperty().bind(csvOptions.visibleProperty());
        parquetCompression.getItems().setAll(ParquetCompression.values());
        parquetCompression.valueProperty().bindBidirectional(vm.parquetCompressionProperty());
        parquetOptions.visibleProperty().bind(vm.formatProperty().isEqualTo(ExportFormat.PARQUET));
        parquetOptions.managedProperty().bind(parquetOptions.visibleProperty());
        optionError.textProperty().bind(vm.optionErrorProperty());
        settings.bind(vm.settings());
        optionsBox.disableProperty().bind(vm.runningProperty());
        columns.setItems(vm.columns());
        columns.setCellFactory(CheckBoxListCell.forListView(ColumnChoice::selectedProperty));
        columns.disableProperty().bind(vm.runningProperty());
        start.disableProperty().bind(vm.canStartProperty().not());
        cancel.disableProperty().bind(vm.runningProperty().not());
        copyCommand.disableProperty().bind(Bindings.isNull(table));
        runOnSpark.disableProperty().bind(Bindings.isNull(table).or(vm.runningProperty()));
        resume.disableProperty().bind(vm.canResumeProperty().not().or(vm.runningProperty()));
        status.textProperty().bind(vm.statusProperty());
        live.bind(vm.progress());
        // Room for the live view and the result: the settings fold while an export runs (a click opens them again).
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                settingsPane.setExpanded(false);
            }
        });
        summary.textProperty().bind(vm.summaryProperty());
        summaryBox.visibleProperty().bind(Bindings.isNotEmpty(vm.summaryProperty()));
        summaryBox.managedProperty().bind(summaryBox.visibleProperty());
        failures.setItems(vm.failures());
        failuresBox.visibleProperty().bind(Bindings.isNotEmpty(vm.failures()));
        failuresBox.managedProperty().bind(failuresBox.visibleProperty());
        reportBox.visibleProperty().bind(vm.rangeReport().availableProperty());
        reportBox.managedProperty().bind(reportBox.visibleProperty());
        saveReport.disableProperty().bind(vm.runningProperty());
        reportStatus.textProperty().bind(vm.rangeReport().statusProperty());
    }

    @FXML void saveReport() { RangeReportChooser.chooseAndSave(saveReport, vm.rangeReport()); }

    @FXML void start() { vm.start(); }
    @FXML void cancel() { vm.cancel(); }
    @FXML void resume() { vm.resume(); }
    @FXML void openFolder() { vm.openFolder(); }

    @FXML
    void copyPath() {
        if (!vm.writtenFilesProperty().get().isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.writtenFilesProperty().get().get(0).toAbsolutePath().toString());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    void chooseOutput() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("chooseTitle"));
        if (!output.getText().isBlank()) {
            Path current = Path.of(output.getText()).toAbsolutePath();
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File f = chooser.showSaveDialog(output.getScene().getWindow());
        if (f != null) {
            output.setText(f.getAbsolutePath());
        }
    }

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
