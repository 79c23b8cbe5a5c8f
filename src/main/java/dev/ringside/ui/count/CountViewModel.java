package dev.ringside.ui.count;

import dev.ringside.app.TableRef;
import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.ProgressRelay;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.common.Texts;
import dev.ringside.ui.common.job.JobHistory;
import dev.ringside.ui.common.job.JobScreenModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.Optional;

/** The count screen: what only a count has, the exact total and the rows each node served; the rest is the job model's. */
public final class CountViewModel extends JobScreenModel<CountResult> {

    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper exactCount = new ReadOnlyLongWrapper(-1);
    private final ObservableList<String> rowsPerNode = FXCollections.observableArrayList();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final BooleanBinding canStart;

    public CountViewModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter) {
        super(session, runner, history, prompter, Texts.load("dev.ringside.ui.count.count"));
        canStart = ready().and(settings().validProperty());
    }

    public void start() {
        Optional<JobSpec> job = jobAsSetUp();
        if (job.isEmpty()) {
            return;
        }
        TableRef table = session().tableProperty().get();
        RangeJobOptions options = job.get().options().toOptions();
        CountRequest request = new CountRequest(table.keyspace(), table.table(), options, ProgressRelay.INTERVAL);
        launch("count", job.get(),
                texts().get("status.counting", table, Formats.count(options.splits()), Formats.count(options.parallelism())),
                (c, progress) -> c.count(request, progress));
    }

    @Override
    protected Optional<JobSpec> jobAsSetUp() {
        if (!settings().validProperty().get()) {
            setStatus(settings().firstError());
            return Optional.empty();
        }
        TableRef table = session().tableProperty().get();
        if (table == null || session().connection() == null) {
            setStatus(texts().get("status.noTable"));
            return Optional.empty();
        }
        return Optional.of(JobSpec.count(table.keyspace(), table.table(), settings().toOptions()));
    }

    @Override
    protected void clearResult() {
        result.set("");
        exactCount.set(-1);
        rowsPerNode.clear();
        failures.clear();
    }

    @Override
    protected void tableChanged(TableRef table) {
        setStatus(table == null ? texts().get("status.chooseTable") : texts().get("status.ready", table));
    }

    @Override
    protected JobOutcome finished(CountResult r) {
        String table = r.table().displayName();
        JobState state;
        if (r.complete()) {
            state = JobState.COMPLETE;
            exactCount.set(r.rows());
            result.set(texts().get("result.rows", Formats.count(r.rows())));
            setStatus(texts().get("status.complete", table, Formats.count(r.rows()), Formats.seconds(r.seconds()),
                    Formats.rate(r.rowsPerSecond())));
            for (Map.Entry<String, Long> e : r.rowsPerNode().entrySet()) {
                rowsPerNode.add(texts().get("result.node", e.getKey(), Formats.count(e.getValue())));
            }
        } else if (r.cancelled()) {
            state = JobState.CANCELLED;
            result.set(texts().get("result.cancelled"));
            setStatus(texts().get("status.cancelled", Formats.count(r.unfinishedRanges())));
        } else {
            state = JobState.INCOMPLETE;
            result.set(texts().get("result.incomplete"));
            setStatus(texts().get("status.incomplete", Formats.count(r.failedRanges().size()), Formats.count(r.ranges().size())));
            for (RangeOutcome f : r.failedRanges()) {
                failures.add(texts().get("result.failure", f.range(), f.error()));
            }
        }
        return outcome(state, r.rows(), r.seconds(), r.rowsPerSecond());
    }

    @Override
    protected JobOutcome failed(JobSpec job, Throwable error) {
        result.set(texts().get("result.failed"));
        return super.failed(job, error);
    }

    /** Fills the options from a past job and starts it. */
    public void rerun(JobRecord job) {
        restore(job.job());
        start();
    }

    @Override
    public BooleanBinding canStartProperty() { return canStart; }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyLongProperty exactCountProperty() { return exactCount.getReadOnlyProperty(); }
    public ObservableList<String> rowsPerNode() { return rowsPerNode; }
    public ObservableList<String> failures() { return failures; }
}
