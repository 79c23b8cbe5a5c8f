package dev.ringside.ui.jobs;

import dev.ringside.ui.common.Formats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** Binds the job history table. */
public final class JobsController {

    private final JobsViewModel vm;

    @FXML Button rerun;
    @FXML TableView<JobRecord> jobs;
    @FXML TableColumn<JobRecord, String> started;
    @FXML TableColumn<JobRecord, String> kind;
    @FXML TableColumn<JobRecord, String> table;
    @FXML TableColumn<JobRecord, String> outcome;
    @FXML TableColumn<JobRecord, String> rows;
    @FXML TableColumn<JobRecord, String> duration;
    @FXML TableColumn<JobRecord, String> rate;
    @FXML TableColumn<JobRecord, String> options;
    @FXML Label detail;

    public JobsController(JobsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    void initialize() {
        jobs.setItems(vm.records());
        column(started, j -> j.startedAt().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
        column(kind, JobRecord::kind);
        column(table, j -> j.keyspace() + "." + j.table());
        column(outcome, JobRecord::outcome);
        column(rows, j -> Formats.count(j.rows()));
        column(duration, j -> Formats.seconds(j.seconds()));
        column(rate, j -> Formats.count(Math.round(j.rowsPerSecond())));
        column(options, JobsController::options);
        vm.selectedProperty().bind(jobs.getSelectionModel().selectedItemProperty());
        rerun.disableProperty().bind(vm.selectedProperty().isNull());
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.selectedProperty().get() == null ? "" : vm.selectedProperty().get().detail(), vm.selectedProperty()));
    }

    static String options(JobRecord j) {
        String base = j.splits() + " splits, parallelism " + j.parallelism() + ", " + j.consistency();
        if (!j.isExport()) {
            return base;
        }
        return base + ", " + j.format().toLowerCase() + " to " + j.output()
                + (j.columns().isEmpty() ? "" : ", columns " + String.join(",", j.columns()))
                + (j.where() == null ? "" : ", where " + j.where())
                + (j.files() > 1 ? ", " + j.files() + " files" : "")
                + (j.maxRowsPerSecond() > 0 ? ", max " + j.maxRowsPerSecond() + " rows/s" : "");
    }

    private static void column(TableColumn<JobRecord, String> c, Function<JobRecord, String> value) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    }

    @FXML
    void rerun() {
        vm.rerunSelected();
    }
}
