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

import dev.ringside.app.RangeReports;
import dev.ringside.cluster.ColumnInfo;
import dev.ringside.engine.count.HotPartition;
import dev.ringside.ui.common.job.RangeReportModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.Map;
import java.util.Optional;

/** The count screen: what only a count has, the exact total and the rows each node served; the rest is the job model's. */
public final class CountViewModel extends JobScreenModel<CountResult> {

    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper exactCount = new ReadOnlyLongWrapper(-1);
    private final ObservableList<String> rowsPerNode = FXCollections.observableArrayList();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final BooleanProperty findTopPartitions = new SimpleBooleanProperty(false);
    private final IntegerProperty topPartitions = new SimpleIntegerProperty(10);
    private final ObservableList<HotPartition> hotPartitions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hotKeyColumns = new ReadOnlyStringWrapper("");
    private final RangeReportModel rangeReport;
    private final BooleanBinding topValid = findTopPartitions.not()
            .or(topPartitions.greaterThanOrEqualTo(1).and(topPartitions.lessThanOrEqualTo(CountRequest.MAX_TOP_PARTITIONS)));
    private final BooleanBinding canStart;

    public CountViewModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter) {
        this(session, runner, history, prompter, new RangeReports());
    }

    public CountViewModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter,
                          RangeReports reports) {
        super(session, runner, history, prompter, Texts.load("dev.ringside.ui.count.count"));
        rangeReport = new RangeReportModel(runner, reports);
        canStart = ready().and(settings().validProperty()).and(topValid);
    }

    public void start() {
        Optional<JobSpec> job = jobAsSetUp();
        if (job.isEmpty()) {
            return;
        }
        TableRef table = session().tableProperty().get();
        RangeJobOptions options = job.get().options().toOptions();
        CountRequest request = new CountRequest(table.keyspace(), table.table(), options, ProgressRelay.INTERVAL,
                job.get().topPartitionsOrNone());
        launch("count", job.get(),
                options.autoParallelism()
                        ? texts().get("status.counting.auto", table, Formats.count(options.splits()),
                                Formats.count(settings().parallelismProperty().get()))
                        : texts().get("status.counting", table, Formats.count(options.splits()),
                                Formats.count(options.parallelism())),
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
        if (!topValid.get()) {
            setStatus(texts().get("status.topInvalid", Formats.count(CountRequest.MAX_TOP_PARTITIONS)));
            return Optional.empty();
        }
        return Optional.of(JobSpec.count(table.keyspace(), table.table(), settings().toOptions(),
                findTopPartitions.get() ? topPartitions.get() : 0));
    }

    @Override
    protected void clearResult() {
        result.set("");
        exactCount.set(-1);
        rowsPerNode.clear();
        failures.clear();
        hotPartitions.clear();
        hotKeyColumns.set("");
        rangeReport.clear();
    }

    @Override
    protected void tableChanged(TableRef table) {
        setStatus(table == null ? texts().get("status.chooseTable") : texts().get("status.ready", table));
    }

    @Override
    protected JobOutcome finished(CountResult r) {
        String table = r.table().displayName();
        rangeReport.offer(table, r.ranges());
        JobState state;
        if (r.complete()) {
            state = JobState.COMPLETE;
            exactCount.set(r.rows());
            result.set(texts().get("result.rows", Formats.count(r.rows())));
            // The figures, the result and the history all take the engine's final numbers: one source, shown once.
            progress().settle(r.rows(), r.seconds(), r.rowsPerSecond());
            setStatus(texts().get("status.complete", table));
            for (Map.Entry<String, Long> e : r.rowsPerNode().entrySet()) {
                rowsPerNode.add(texts().get("result.node", e.getKey(), Formats.count(e.getValue())));
            }
            hotKeyColumns.set(String.join(", ", r.table().partitionKey().stream().map(ColumnInfo::cqlName).toList()));
            hotPartitions.setAll(r.topPartitions());
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
        int top = job.job().topPartitionsOrNone();
        findTopPartitions.set(top > 0);
        if (top > 0) {
            topPartitions.set(top);
        }
        start();
    }

    @Override
    public BooleanBinding canStartProperty() { return canStart; }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyLongProperty exactCountProperty() { return exactCount.getReadOnlyProperty(); }
    public ObservableList<String> rowsPerNode() { return rowsPerNode; }
    public ObservableList<String> failures() { return failures; }
    /** Whether the next count also finds the partitions with the most rows, and how many. */
    public BooleanProperty findTopPartitionsProperty() { return findTopPartitions; }
    public IntegerProperty topPartitionsProperty() { return topPartitions; }
    public BooleanBinding topPartitionsValidProperty() { return topValid; }
    /** The last complete count's top partitions, most rows first. */
    public ObservableList<HotPartition> hotPartitions() { return hotPartitions; }
    /** The partition key's columns, "a, b", naming the key column of the top partitions' table. */
    public ReadOnlyStringProperty hotKeyColumnsProperty() { return hotKeyColumns.getReadOnlyProperty(); }
    public RangeReportModel rangeReport() { return rangeReport; }
    /** Text of a partition's key, as CQL literals. */
    public static String keyText(HotPartition p) { return String.join(", ", p.key()); }
}
