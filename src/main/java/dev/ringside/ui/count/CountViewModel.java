package dev.ringside.ui.count;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.engine.count.CountResult;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.JobProgressModel;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.ProgressRelay;
import dev.ringside.ui.common.RangeSettings;
import dev.ringside.ui.common.RunningJob;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.jobs.JobHistory;
import dev.ringside.ui.jobs.JobRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The count screen: options, Start / Cancel, live progress, and the exact result with rows per node. */
public final class CountViewModel {

    private final Session session;
    private final TaskRunner runner;
    private final JobHistory history;
    private final dev.ringside.ui.common.Prompter prompter;
    private final RangeSettings settings = new RangeSettings();
    private final JobProgressModel progress = new JobProgressModel();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a table in Browse, then press Start.");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper exactCount = new ReadOnlyLongWrapper(-1);
    private final ObservableList<String> rowsPerNode = FXCollections.observableArrayList();
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final RunningJob<CountResult> job = new RunningJob<>();
    private final BooleanBinding canStart;

    public CountViewModel(Session session, TaskRunner runner, JobHistory history, dev.ringside.ui.common.Prompter prompter) {
        this.session = session;
        this.runner = runner;
        this.history = history;
        this.prompter = prompter;
        canStart = Bindings.createBooleanBinding(() -> session.connection() != null && session.tableProperty().get() != null
                && !session.jobRunningProperty().get() && settings.validProperty().get(), session.connectionProperty(),
                session.tableProperty(), session.jobRunningProperty(), settings.validProperty());
        session.connectionProperty().addListener((o, was, now) -> {
            if (now != null) {
                settings.useDefaultsFor(now.liveNodes());
            }
        });
        session.tableProperty().addListener((o, was, now) -> {
            if (!running.get()) {
                progress.reset();
                result.set("");
                exactCount.set(-1);
                rowsPerNode.clear();
                failures.clear();
                status.set(now == null ? "Choose a table in Browse, then press Start." : "Ready to count " + now + ".");
            }
        });
    }

    public void start() {
        if (!settings.validProperty().get()) {
            status.set(settings.firstError());
            return;
        }
        TableRef table = session.tableProperty().get();
        ClusterConnection c = session.connection();
        if (table == null || c == null) {
            status.set("Choose a table in Browse first.");
            return;
        }
        if (!session.startJob()) {
            status.set("Another job is running; wait for it or cancel it first.");
            return;
        }
        RangeJobOptions options = settings.toOptions();
        CountRequest request = new CountRequest(table.keyspace(), table.table(), options, ProgressRelay.INTERVAL);
        progress.reset();
        result.set("");
        exactCount.set(-1);
        rowsPerNode.clear();
        failures.clear();
        running.set(true);
        status.set("Counting " + table + " in " + options.splits() + " ranges, " + options.parallelism() + " at a time …");
        Instant started = Instant.now();
        ProgressRelay relay = new ProgressRelay(runner, progress::apply);
        job.begin();
        runner.run("count", () -> {
            return job.started(c.count(request, relay)).result().get();
        }, r -> finish(table, options, started, r), error -> fail(table, options, started, error));
    }

    public void cancel() {
        if (running.get()) {
            status.set("Cancelling …");
            job.cancel();
        }
    }

    private void finish(TableRef table, RangeJobOptions options, Instant started, CountResult r) {
        job.end();
        running.set(false);
        session.endJob();
        String outcome;
        if (r.complete()) {
            outcome = "complete";
            exactCount.set(r.rows());
            result.set(Formats.count(r.rows()) + " rows");
            status.set("Exact count of " + table + ": " + Formats.count(r.rows()) + " rows in " + Formats.seconds(r.seconds())
                    + ", " + Formats.rate(r.rowsPerSecond()) + ".");
            for (Map.Entry<String, Long> e : r.rowsPerNode().entrySet()) {
                rowsPerNode.add(e.getKey() + ": " + Formats.count(e.getValue()) + " rows");
            }
        } else if (r.cancelled()) {
            outcome = "cancelled";
            result.set("Cancelled");
            status.set("Count cancelled: " + r.unfinishedRanges() + " ranges not counted, so there is no exact total.");
        } else {
            outcome = "incomplete";
            result.set("Incomplete");
            status.set(r.failedRanges().size() + " of " + r.ranges().size()
                    + " ranges failed, so there is no exact total. Check that the replicas are up, then count again.");
            for (RangeOutcome f : r.failedRanges()) {
                failures.add(f.range() + ": " + f.error());
            }
        }
        history.add(new JobRecord("count", table.keyspace(), table.table(), options.splits(), options.parallelism(),
                options.consistency().name(), started.toString(), r.seconds(), r.rows(), r.rowsPerSecond(), outcome,
                status.get(), null, null, List.of(), null, 0, 0));
    }

    private void fail(TableRef table, RangeJobOptions options, Instant started, Throwable error) {
        job.end();
        running.set(false);
        session.endJob();
        result.set("Failed");
        status.set("The count failed: " + Messages.of(error));
        prompter.error("The count of " + table + " failed", Messages.of(error), Messages.cause(error));
        history.add(new JobRecord("count", table.keyspace(), table.table(), options.splits(), options.parallelism(),
                options.consistency().name(), started.toString(), 0, 0, 0, "failed", status.get(), null, null, List.of(), null, 0, 0));
    }

    /** Fills the options from a past job and starts it. */
    public void rerun(JobRecord job) {
        session.tableProperty().set(new TableRef(job.keyspace(), job.table()));
        settings.apply(RangeJobOptions.defaults().withSplits(job.splits()).withParallelism(job.parallelism())
                .withConsistency(dev.ringside.engine.Consistency.valueOf(job.consistency())));
        start();
    }

    public RangeSettings settings() { return settings; }
    public JobProgressModel progress() { return progress; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyLongProperty exactCountProperty() { return exactCount.getReadOnlyProperty(); }
    public ObservableList<String> rowsPerNode() { return rowsPerNode; }
    public ObservableList<String> failures() { return failures; }
    public BooleanBinding canStartProperty() { return canStart; }
}
