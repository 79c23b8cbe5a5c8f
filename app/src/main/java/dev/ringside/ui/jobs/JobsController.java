package dev.ringside.ui.jobs;

import dev.ringside.app.history.JobRecord;
import dev.ringside.ui.common.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.time.Instant;
import java.util.function.Function;

/**
 * Binds the job history table. Each column holds its value (a number, an instant) so that it sorts as such; the
 * cells show it in the user's locale and time zone.
 */
public final class JobsController {

    private final JobsViewModel vm;

    @FXML Button rerun;
    @FXML Button copyCommand;
    @FXML Button exportJobs;
    @FXML Button importJobs;
    @FXML Label status;
    @FXML java.util.ResourceBundle resources;
    @FXML TableView<JobRecord> jobs;
    @FXML TableColumn<JobRecord, Instant> started;
    @FXML TableColumn<JobRecord, String> kind;
    @FXML TableColumn<JobRecord, String> table;
    @FXML TableColumn<JobRecord, String> outcome;
    @FXML TableColumn<JobRecord, Long> rows;
    @FXML TableColumn<JobRecord, Double> duration;
    @FXML TableColumn<JobRecord, Double> rate;
    @FXML TableColumn<JobRecord, String> options;
    @FXML TableColumn<JobRecord, String> cluster;
    @FXML Label detail;

    public JobsController(JobsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    void initialize() {
        jobs.setItems(vm.records());
        // The columns share the table's width (the last one, Options, takes what is left): no empty filler column.
        jobs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(started, JobRecord::started, Formats::dateTime);
        column(kind, vm::kind);
        column(table, j -> j.job().tableName());
        column(outcome, vm::outcome);
        column(rows, j -> j.outcome().rows(), Formats::count);
        column(duration, j -> j.outcome().seconds(), Formats::seconds);
        column(rate, j -> j.outcome().rowsPerSecond(), r -> Formats.count(Math.round(r)));
        column(options, vm::options);
        options.setCellFactory(c -> new WholeTextCell());
        vm.selectedProperty().bind(jobs.getSelectionModel().selectedItemProperty());
        column(cluster, vm::cluster);
        cluster.setCellFactory(c -> new WholeTextCell());
        rerun.disableProperty().bind(vm.selectedProperty().isNull());
        copyCommand.disableProperty().bind(vm.selectedProperty().isNull());
        status.textProperty().bind(vm.statusProperty());
        detail.textProperty().bind(Bindings.createStringBinding(
                () -> vm.selectedProperty().get() == null ? "" : vm.selectedProperty().get().outcome().detail(),
                vm.selectedProperty()));
    }

    /** A cell whose whole text is also its tooltip: its column is narrower than most of its values. */
    private static final class WholeTextCell extends TableCell<JobRecord, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty || text == null ? null : text);
            setTooltip(empty || text == null ? null : new Tooltip(text));
        }
    }

    private static <T> void column(TableColumn<JobRecord, T> c, Function<JobRecord, T> value) {
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    }

    /** A column that holds {@code value} (and sorts by it) and shows it as {@code text}. */
    private static <T> void column(TableColumn<JobRecord, T> c, Function<JobRecord, T> value, Function<T, String> text) {
        column(c, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
    }

    @FXML
    void rerun() {
        vm.rerunSelected();
    }

    /** Copy as command: the view-model words the job, the clipboard is the view's. */
    @FXML
    void copyCommand() {
        vm.commandLine().ifPresent(line -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(line);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
    }

    @FXML
    void exportJobs() {
        java.io.File file = chooser("chooser.title.export").showSaveDialog(jobs.getScene().getWindow());
        if (file != null) {
            vm.exportJobs(file.toPath());
        }
    }

    @FXML
    void importJobs() {
        java.io.File file = chooser("chooser.title.import").showOpenDialog(jobs.getScene().getWindow());
        if (file != null) {
            vm.importJobs(file.toPath());
        }
    }

    private javafx.stage.FileChooser chooser(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(resources.getString(title));
        chooser.setInitialFileName(resources.getString("chooser.defaultName"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(resources.getString("chooser.filter"), "*.json"));
        return chooser;
    }
}
