package dev.ringside.ui.jobs;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** The jobs screen: the history, and "Re-run" with the same options. */
public final class JobsViewModel {

    private final JobHistory history;
    private final Consumer<JobRecord> rerun;
    private final ObjectProperty<JobRecord> selected = new SimpleObjectProperty<>();

    public JobsViewModel(JobHistory history, Consumer<JobRecord> rerun) {
        this.history = history;
        this.rerun = rerun;
    }

    public ObservableList<JobRecord> records() {
        return history.records();
    }

    public ObjectProperty<JobRecord> selectedProperty() {
        return selected;
    }

    public void rerunSelected() {
        if (selected.get() != null) {
            rerun.accept(selected.get());
        }
    }
}
