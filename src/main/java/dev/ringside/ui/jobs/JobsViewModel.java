package dev.ringside.ui.jobs;

import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.RangeOptionsEntry;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.Texts;
import dev.ringside.ui.common.job.JobHistory;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.function.Consumer;

/** The jobs screen: the history, each job's words for its row, and "Re-run" with the same options. */
public final class JobsViewModel {

    private final JobHistory history;
    private final Consumer<JobRecord> rerun;
    private final Texts texts = Texts.load("dev.ringside.ui.jobs.jobs");
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

    public String kind(JobRecord j) {
        return texts.get("kind." + j.job().kind().name());
    }

    public String outcome(JobRecord j) {
        return texts.get("outcome." + j.outcome().state().name());
    }

    /** The options a job ran with, in one line: the range settings, and for an export where and how it wrote. */
    public String options(JobRecord j) {
        RangeOptionsEntry o = j.job().options();
        String text = o.parallelism() == 0
                ? texts.get("options.range.auto", Formats.count(o.splits()), o.consistency())
                : texts.get("options.range", Formats.count(o.splits()), Formats.count(o.parallelism()), o.consistency());
        ExportEntry e = j.job().export();
        if (j.job().kind() != JobKind.EXPORT || e == null) {
            return text;
        }
        text += texts.get("options.export", e.format().toLowerCase(Locale.ROOT), e.output());
        if (!e.columns().isEmpty()) {
            text += texts.get("options.columns", String.join(",", e.columns()));
        }
        if (e.where() != null) {
            text += texts.get("options.where", e.where());
        }
        if (e.files() > 1) {
            text += texts.get("options.files", Formats.count(e.files()));
        }
        if (e.maxRowsPerSecond() > 0) {
            text += texts.get("options.throttle", Formats.count(e.maxRowsPerSecond()));
        }
        var shape = e.exportShape();
        if (shape.sampled()) {
            text += texts.get("options.sample", Formats.percent(100 * shape.sample()), Long.toString(shape.seed()));
        }
        if (shape.limited()) {
            text += texts.get("options.limit", Formats.count(shape.limit()));
        }
        if (shape.rolls()) {
            text += texts.get("options.rowsPerFile", Formats.count(shape.maxRowsPerFile()));
        }
        return text;
    }
}
