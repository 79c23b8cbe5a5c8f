package dev.ringside.ui.jobs;

import dev.ringside.app.command.JobCommands;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.RangeOptionsEntry;
import dev.ringside.app.settings.SettingsFile;
import dev.ringside.app.settings.SharedSettings;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.common.Texts;
import dev.ringside.ui.common.job.JobHistory;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jobs screen: the history, each job's words for its row, "Re-run" on the cluster the job ran on (asking when
 * another one is connected), "Copy as command", and export and import of job settings.
 */
public final class JobsViewModel {

    /** What Re-run needs from the rest of the app. */
    public interface Rerun {

        /** Fills the job's screen with its options and runs it (an export waits for Start) on the connected cluster. */
        void run(JobRecord job);

        /** Fills the Connect screen with the recorded cluster and connects to it, or asks for what is missing. */
        void connectTo(ClusterEntry cluster);
    }

    private final JobHistory history;
    private final Session session;
    private final TaskRunner runner;
    private final Prompter prompter;
    private final Rerun rerun;
    private final SettingsFile settingsFile = new SettingsFile();
    private final Texts texts = Texts.load("dev.ringside.ui.jobs.jobs");
    private final ObjectProperty<JobRecord> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** A job that waits for its cluster to be connected, then runs. */
    private JobRecord waiting;

    public JobsViewModel(JobHistory history, Session session, TaskRunner runner, Prompter prompter, Rerun rerun) {
        this.history = history;
        this.session = session;
        this.runner = runner;
        this.prompter = prompter;
        this.rerun = rerun;
        session.clusterProperty().addListener((o, was, now) -> connected(now));
    }

    public ObservableList<JobRecord> records() {
        return history.records();
    }

    public ObjectProperty<JobRecord> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Runs the selected job again on the cluster it ran on: at once when that cluster is connected (or the record
     * does not say which one it was); otherwise asks whether to connect to it, run on the connected one, or not run.
     */
    public void rerunSelected() {
        JobRecord job = selected.get();
        if (job == null) {
            return;
        }
        ClusterEntry recorded = job.job().cluster();
        boolean connected = session.connection() != null;
        if (recorded == null || connected && recorded.sameClusterAs(session.cluster())) {
            waiting = null;
            rerun.run(job);
            return;
        }
        List<String> choices = connected
                ? List.of(texts.get("rerun.connectRecorded"), texts.get("rerun.runHere"), texts.get("rerun.cancel"))
                : List.of(texts.get("rerun.connectRecorded"), texts.get("rerun.cancel"));
        String message = connected
                ? texts.get("rerun.otherCluster", recorded.describe(), currentName())
                : texts.get("rerun.notConnected", recorded.describe());
        int choice = prompter.choose(texts.get("rerun.title", job.job().tableName()), message, choices);
        if (choice == 0) {
            waiting = job;
            status.set(texts.get("status.connecting", recorded.describe()));
            rerun.connectTo(recorded);
        } else if (choice == 1 && connected) {
            waiting = null;
            rerun.run(job);
        }
    }

    private String currentName() {
        ClusterEntry c = session.cluster();
        return c == null ? session.connection().description() : c.describe();
    }

    /** Whether a job waits for its cluster to be connected. */
    public boolean waitingForCluster() {
        return waiting != null;
    }

    /** A connection opened: the job waiting for this cluster runs; one waiting for another cluster gives up. */
    private void connected(ClusterEntry now) {
        JobRecord job = waiting;
        if (job == null || now == null) {
            return;
        }
        waiting = null;
        if (job.job().cluster().sameClusterAs(now)) {
            status.set("");
            rerun.run(job);
        } else {
            status.set(texts.get("status.notRerun", job.job().cluster().describe(), now.describe()));
        }
    }

    /** "Copy as command" for the selected job: its command line, on the cluster it ran on; empty if none is selected. */
    public Optional<String> commandLine() {
        JobRecord job = selected.get();
        if (job == null) {
            return Optional.empty();
        }
        status.set(texts.get(job.job().cluster() == null ? "status.commandCopiedNoCluster" : "status.commandCopied"));
        return Optional.of(new JobCommands().of(job.job()).posix());
    }

    /** Writes the settings of every job in the list (each once, newest first) to a file to share; no password. */
    public void exportJobs(Path file) {
        List<JobSpec> jobs = List.copyOf(new LinkedHashSet<>(records().stream().map(JobRecord::job).toList()));
        if (jobs.isEmpty()) {
            status.set(texts.get("status.nothingToExport"));
            return;
        }
        runner.run("export-jobs", () -> {
            settingsFile.write(file, SharedSettings.ofJobs(jobs));
            return jobs.size();
        }, n -> status.set(texts.get("status.exported", n, Formats.count(n), file)),
                error -> status.set(texts.get("status.exportFailed", file, Messages.of(error))));
    }

    /** Adds the job settings of a shared file to the list, as jobs to re-run; those already there are skipped. */
    public void importJobs(Path file) {
        runner.run("import-jobs", () -> settingsFile.read(file), settings -> {
            int added = history.importJobs(settings.jobs(), Instant.now(), texts.get("imported.detail", file.getFileName()));
            int skipped = settings.jobs().size() - added;
            status.set(settings.jobs().isEmpty() ? texts.get("status.noJobsInFile", file.getFileName())
                    : texts.get("status.imported", added, Formats.count(added), Formats.count(skipped)));
        }, error -> status.set(texts.get("status.importFailed", Messages.of(error))));
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
            int top = j.job().topPartitionsOrNone();
            return top > 0 ? text + texts.get("options.top", Formats.count(top)) : text;
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

    /** The cluster a job ran on, for its row; empty when the record does not say. */
    public String cluster(JobRecord j) {
        return j.job().cluster() == null ? "" : j.job().cluster().describe();
    }
}
