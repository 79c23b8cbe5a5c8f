package dev.ringside.ui.common.job;

import dev.ringside.app.RangeReports;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.List;

/**
 * "Save range report…" of the count and export screens: the last job's per-range results, saved in the background
 * through {@link RangeReports}; the view only chooses the file.
 */
public final class RangeReportModel {

    private final TaskRunner runner;
    private final RangeReports reports;
    private final Texts texts = Texts.load("dev.ringside.ui.common.common");
    private final ReadOnlyObjectWrapper<List<RangeOutcome>> ranges = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding available = Bindings.createBooleanBinding(() -> !ranges.get().isEmpty(), ranges);
    private String suggestedName = "ranges.csv";

    public RangeReportModel(TaskRunner runner, RangeReports reports) {
        this.runner = runner;
        this.reports = reports;
    }

    /** A job ended: its ranges can be saved (a cancelled or incomplete one's too, with their states and errors). */
    public void offer(String table, List<RangeOutcome> outcomes) {
        suggestedName = table + "-ranges.csv";
        ranges.set(List.copyOf(outcomes));
        status.set("");
    }

    public void clear() {
        ranges.set(List.of());
        status.set("");
    }

    public void save(Path file) {
        List<RangeOutcome> list = ranges.get();
        if (list.isEmpty() || file == null) {
            return;
        }
        status.set(texts.get("report.saving", file));
        runner.run("range-report", () -> {
            reports.save(file, list);
            return file;
        }, saved -> status.set(texts.get("report.saved", Formats.count(list.size()), saved)),
                error -> status.set(texts.get("report.failed", file, Messages.of(error))));
    }

    public String suggestedName() {
        return suggestedName;
    }

    public BooleanBinding availableProperty() { return available; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
