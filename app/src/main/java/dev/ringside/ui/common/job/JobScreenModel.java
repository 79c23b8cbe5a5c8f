package dev.ringside.ui.common.job;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.app.command.JobCommands;
import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.app.sample.TableLoad;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.JobProgressModel;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.ProgressRelay;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.RangeSettings;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the count and export screens share, written once: the range settings and their default parallelism, start
 * (claiming the session's one job slot), a cancel that works from the first moment, live progress, the outcome in
 * the status line and the history, and a failure shown as a dialog. The cleanup after a job (release the slot, stop
 * "running", forget the handle) runs in one place, {@link #ended}, whatever the job's end; each screen only words
 * its own result ({@link #finished}) and clears its own result views ({@link #clearResult}).
 *
 * <p>A table still being loaded in the background (the demo's sample rows) cannot be counted or exported yet: start
 * is off, and the status line says how far the load has come until it is done.
 *
 * <p>Screen texts come from the screen's bundle; the keys this class reads there are {@code status.failed} and
 * {@code dialog.failed} (with the job's failure message, and the table), and {@code status.ready} (with the table).
 *
 * @param <R> the engine's result of one job
 */
public abstract class JobScreenModel<R> {

    private final Session session;
    private final TaskRunner runner;
    private final JobHistory history;
    private final Prompter prompter;
    private final Texts texts;
    private final Texts common = Texts.load("dev.ringside.ui.common.common");
    private final RangeSettings settings = new RangeSettings();
    private final JobProgressModel progress = new JobProgressModel();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(common.get("job.chooseTable"));
    private final RunningJob<R> job = new RunningJob<>();
    private final BooleanBinding ready;

    protected JobScreenModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter, Texts texts) {
        this.session = session;
        this.runner = runner;
        this.history = history;
        this.prompter = prompter;
        this.texts = texts;
        ready = Bindings.createBooleanBinding(() -> session.connection() != null && session.tableProperty().get() != null
                        && !session.jobRunningProperty().get() && !session.isLoading(session.tableProperty().get()),
                session.connectionProperty(), session.tableProperty(), session.jobRunningProperty(),
                session.tableLoadProperty());
        session.tableLoadProperty().addListener((o, was, now) -> loadChanged(was, now));
        session.connectionProperty().addListener((o, was, now) -> {
            if (now != null) {
                settings.useDefaultsFor(now.liveNodes());
            }
        });
        session.tableProperty().addListener((o, was, now) -> {
            if (!running.get()) {
                progress.reset();
                clearResult();
                tableChanged(now);
                loadingMessage().ifPresent(status::set);
            }
        });
    }

    /** While the chosen table loads, the status line follows the load; once it is done, the screen is ready. */
    private void loadChanged(TableLoad was, TableLoad now) {
        TableRef table = session.tableProperty().get();
        if (running.get() || table == null || now == null || !now.table().equals(table)) {
            return;
        }
        if (now.loading()) {
            loadingMessage().ifPresent(status::set);
        } else if (was != null && was.loading() && session.connection() != null) {
            status.set(texts.get("status.ready", table));
        }
    }

    /** "demo.events is still loading: 52,000 of 200,000 rows", when the chosen table is. */
    protected final Optional<String> loadingMessage() {
        TableRef table = session.tableProperty().get();
        if (!session.isLoading(table)) {
            return Optional.empty();
        }
        TableLoad load = session.tableLoadProperty().get();
        return Optional.of(common.get("job.tableLoading", table, Formats.count(load.loaded()), Formats.count(load.total())));
    }

    /** Empties the screen's own result views: before a job starts, and when another table is chosen. */
    protected abstract void clearResult();

    /** Another table was chosen while no job runs (the progress and result views are already cleared). */
    protected abstract void tableChanged(TableRef table);

    /** Shows the engine's result (on the UI thread, after the cleanup) and says how the job ended. */
    protected abstract JobOutcome finished(R result);

    /**
     * The job as the screen is set up now (what Start would run), without its cluster; empty, with the status line
     * saying what is missing, when the screen could not start it.
     */
    protected abstract Optional<JobSpec> jobAsSetUp();

    /**
     * "Copy as command": the {@code ringside} command line that runs the job as the screen is set up, on the
     * connected cluster, for a POSIX shell; it asks for the password rather than holding it. Empty, with the status
     * line saying why, when the screen could not start the job.
     */
    public Optional<String> commandLine() {
        Optional<String> line = jobAsSetUp()
                .map(spec -> new JobCommands().of(spec.withCluster(session.cluster())).posix());
        line.ifPresent(l -> status.set(common.get(session.cluster() == null ? "job.commandCopiedNoCluster" : "job.commandCopied")));
        return line;
    }

    /**
     * "Run on Spark…": the job as the screen is set up, on the connected cluster. Empty, with the status line saying
     * why, when the screen could not start it or no cluster is connected.
     */
    public Optional<JobSpec> sparkJob() {
        if (session.cluster() == null || session.connection() == null) {
            status.set(common.get("job.sparkNeedsCluster"));
            return Optional.empty();
        }
        return jobAsSetUp().map(spec -> spec.withCluster(session.cluster()));
    }

    /** The connected cluster's password, which a job launched on Spark gets through its driver's environment. */
    public Optional<String> clusterPassword() {
        return session.connection() == null ? Optional.empty() : session.connection().password();
    }

    /** The one-line reason a job could not run, as the dialog and status line show it. */
    protected String failureMessage(Throwable error) {
        return Messages.of(error);
    }

    /**
     * The job could not run (the table is gone, the engine refused the options …): a dialog with the details, the
     * status line, and the history. A screen that shows more calls this too.
     */
    protected JobOutcome failed(JobSpec job, Throwable error) {
        String message = failureMessage(error);
        status.set(texts.get("status.failed", message));
        prompter.error(texts.get("dialog.failed", job.tableName()), message, Messages.cause(error));
        return JobOutcome.failed(status.get());
    }

    /**
     * Starts a job in the background, unless another one runs (then says so and returns false). Progress flows to
     * {@link #progress()}; the end comes back on the UI thread to {@link #finished} or {@link #failed}.
     */
    protected final boolean launch(String name, JobSpec spec, String startingStatus, JobStarter<R> starter) {
        ClusterConnection connection = session.connection();
        Optional<String> loading = loadingMessage();
        if (loading.isPresent()) {
            status.set(loading.get());
            return false;
        }
        JobSpec recorded = spec.withCluster(session.cluster());
        if (!session.startJob()) {
            status.set(common.get("job.anotherRunning"));
            return false;
        }
        progress.reset();
        clearResult();
        running.set(true);
        status.set(startingStatus);
        Instant started = Instant.now();
        // Each snapshot also shows the parallelism the job uses now ("auto" moves it).
        ProgressRelay relay = new ProgressRelay(runner, snapshot -> {
            progress.apply(snapshot);
            settings.showLiveParallelism(job.parallelism());
        });
        job.begin();
        runner.run(name, () -> job.started(starter.start(connection, relay)).result().get(),
                result -> ended(recorded, started, () -> finished(result)),
                error -> ended(recorded, started, () -> failed(recorded, error)));
        return true;
    }

    /** After every job, whatever its end: the cleanup, then the screen's words, then the history. */
    private void ended(JobSpec spec, Instant started, Supplier<JobOutcome> outcome) {
        job.end();
        settings.showLiveParallelism(0);
        running.set(false);
        session.endJob();
        history.add(new JobRecord(spec, started, outcome.get()));
    }

    /** Cancels the running job: now, or as soon as the engine has planned it. */
    public void cancel() {
        if (running.get()) {
            status.set(common.get("job.cancelling"));
            job.cancel();
        }
    }

    /** Chooses the table of a past job and its range options. */
    protected final void restore(JobSpec spec) {
        session.tableProperty().set(new TableRef(spec.keyspace(), spec.table()));
        settings.apply(spec.options().toOptions());
    }

    /** How the job ended, with the status line as the history's detail. */
    protected final JobOutcome outcome(JobState state, long rows, double seconds, double rowsPerSecond) {
        return new JobOutcome(state, rows, seconds, rowsPerSecond, status.get());
    }

    protected final void setStatus(String text) {
        status.set(text);
    }

    protected final Texts texts() {
        return texts;
    }

    protected final Session session() {
        return session;
    }

    protected final TaskRunner runner() {
        return runner;
    }

    protected final Prompter prompter() {
        return prompter;
    }

    /** Connected, a table chosen, and no job running anywhere; each screen adds its own conditions. */
    protected final BooleanBinding ready() {
        return ready;
    }

    public abstract BooleanBinding canStartProperty();

    public RangeSettings settings() { return settings; }
    public JobProgressModel progress() { return progress; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
