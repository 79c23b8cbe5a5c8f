package dev.ringside.ui.spark;

import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.spark.NotOnSparkException;
import dev.ringside.app.spark.SparkCommands;
import dev.ringside.app.spark.SparkSubmit;
import dev.ringside.app.spark.SparkTarget;
import dev.ringside.app.spark.run.ExtraConf;
import dev.ringside.app.spark.run.SparkLaunch;
import dev.ringside.app.spark.run.SparkLaunchSettings;
import dev.ringside.app.spark.run.SparkProgress;
import dev.ringside.app.spark.run.SparkRun;
import dev.ringside.app.spark.run.SparkRunResult;
import dev.ringside.app.spark.run.SparkRunState;
import dev.ringside.app.spark.run.SparkRunner;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.JobProgressModel;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.common.Texts;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * "Run on Spark…" for one job as its screen was set up: where and how Spark runs it, the exact {@code spark-submit}
 * line (with no secret: the password comes from a file the user writes), and, with a Spark installation on this
 * machine, the launch itself, followed live in the same progress view as Ringside's own jobs, with Cancel.
 *
 * <p>A launched job gets the password through the driver's environment, never a file or its command line.
 */
public final class SparkRunViewModel {

    /** The driver's environment variable that holds the cluster's password for a job the app launched. */
    public static final String PASSWORD_ENV = "RINGSIDE_CASSANDRA_PASSWORD";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Texts texts = Texts.load("dev.ringside.ui.spark.spark");
    private final JobSpec job;
    private final Optional<String> password;
    private final SparkRunner sparkRunner;
    private final TaskRunner runner;
    private final Path runsFolder;
    private final Consumer<SparkLaunchSettings> remember;

    private final StringProperty sparkHome = new SimpleStringProperty();
    private final StringProperty master = new SimpleStringProperty();
    private final StringProperty jobJar = new SimpleStringProperty();
    private final StringProperty packages = new SimpleStringProperty();
    private final StringProperty extraConf = new SimpleStringProperty();
    private final StringProperty output = new SimpleStringProperty();
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> logFolder = new ReadOnlyObjectWrapper<>();
    private final JobProgressModel progress = new JobProgressModel();
    private final BooleanBinding canLaunch;
    private final AtomicReference<SparkProgress> latest = new AtomicReference<>();
    private volatile SparkRun run;
    private volatile boolean cancelRequested;

    /**
     * @param job        the job as its screen is set up, on the connected cluster
     * @param password   the cluster's password, handed to a launched job through its environment
     * @param settings   what was used last time, blanks filled with this machine's defaults
     * @param runsFolder where each launch keeps its driver log
     * @param remember   keeps the settings of a launch for next time (called on the UI thread: it must not block)
     */
    public SparkRunViewModel(JobSpec job, Optional<String> password, SparkLaunchSettings settings, SparkRunner sparkRunner,
                             TaskRunner runner, Path runsFolder, Consumer<SparkLaunchSettings> remember) {
        if (job.cluster() == null) {
            throw new IllegalArgumentException("The job needs its cluster");
        }
        this.job = job;
        this.password = password;
        this.sparkRunner = sparkRunner;
        this.runner = runner;
        this.runsFolder = runsFolder;
        this.remember = remember;
        sparkHome.set(settings.sparkHome());
        master.set(settings.master());
        jobJar.set(settings.jobJar());
        packages.set(settings.packages());
        extraConf.set(settings.extraConf());
        output.set(job.kind() == JobKind.EXPORT ? SparkCommands.outputUrl(job.export().output()) : "");
        state.set(texts.get("state.notStarted"));
        Observable[] inputs = {master, jobJar, packages, extraConf, output};
        for (Observable o : inputs) {
            o.addListener(x -> refreshCommand());
        }
        refreshCommand();
        canLaunch = Bindings.createBooleanBinding(() -> !running.get() && problem.get().isEmpty()
                && sparkHome.get() != null && !sparkHome.get().isBlank(), running, problem, sparkHome);
    }

    /** The line for the current settings, or the reason there is none. */
    private void refreshCommand() {
        try {
            command.set(submit(false).posix());
            problem.set("");
        } catch (NotOnSparkException e) {
            command.set("");
            problem.set(texts.get("problem.gaps", e.gaps().stream().map(g -> texts.get("gap." + g.name()))
                    .collect(Collectors.joining("; "))));
        } catch (IllegalArgumentException e) {
            command.set("");
            problem.set(Messages.of(e));
        }
    }

    /** The submit as shown (password from a file), or as launched (password from the driver's environment). */
    private SparkSubmit submit(boolean launched) {
        SparkTarget target = new SparkTarget(master.get(), jobJar.get(), null);
        if (launched && password.isPresent()) {
            target = target.withPasswordEnv(PASSWORD_ENV);
        }
        JobSpec spec = job.kind() == JobKind.EXPORT ? job.withOutput(requireOutput()) : job;
        List<String> pkgs = Arrays.stream(packages.get() == null ? new String[0] : packages.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new SparkCommands(target, "").of(spec).withPackages(pkgs).withConf(ExtraConf.parse(extraConf.get()));
    }

    private String requireOutput() {
        String out = output.get();
        if (out == null || out.isBlank()) {
            throw new IllegalArgumentException(texts.get("problem.noOutput"));
        }
        return out.strip();
    }

    /** The line to copy; empty when the settings make none. */
    public Optional<String> commandToCopy() {
        return command.get().isEmpty() ? Optional.empty() : Optional.of(command.get());
    }

    /** Launches the job with the Spark installation chosen, and follows it until it ends. */
    public void launch() {
        if (!canLaunch.get()) {
            return;
        }
        SparkLaunch launch;
        try {
            Path home = Path.of(sparkHome.get().strip());
            Path folder = runsFolder.resolve(LocalDateTime.now().format(FOLDER_TIME) + "-" + job.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + "-" + job.keyspace() + "." + job.table());
            launch = new SparkLaunch(home, submit(true), job.kind(),
                    password.map(p -> Map.of(PASSWORD_ENV, p)).orElse(Map.of()), folder);
        } catch (IllegalArgumentException e) { // a Spark home that is no path, or settings the job refuses
            problem.set(Messages.of(e));
            return;
        }
        remember.accept(settings());
        cancelRequested = false;
        progress.reset();
        result.set("");
        logFolder.set(launch.workFolder());
        running.set(true);
        state.set(texts.get("state.starting"));
        runner.run("spark " + job.kind().name().toLowerCase(java.util.Locale.ROOT), () -> {
            SparkRun r = sparkRunner.launch(launch, this::relay);
            run = r;
            if (cancelRequested) {
                r.cancel();
            }
            return r.result().get();
        }, this::ended, this::couldNotLaunch);
    }

    /** Coalesced to the UI thread: one update pending at a time, carrying the newest picture. */
    private void relay(SparkProgress p) {
        if (latest.getAndSet(p) == null) {
            runner.onUi(() -> show(latest.getAndSet(null)));
        }
    }

    private void show(SparkProgress p) {
        if (p == null || !running.get()) {
            return;
        }
        progress.apply(p.snapshot());
        if (!p.state().isFinal()) {
            state.set(p.appId() == null ? texts.get("state." + p.state().name())
                    : texts.get("state.withApp", texts.get("state." + p.state().name()), p.appId(), p.uiUrl()));
        }
    }

    private void ended(SparkRunResult r) {
        SparkProgress last = latest.getAndSet(null);
        if (last != null) {
            progress.apply(last.snapshot());
        }
        run = null;
        double seconds = r.elapsed().toMillis() / 1000.0;
        state.set(texts.get("state." + r.state().name()));
        if (r.succeeded()) {
            progress.settle(r.rows(), seconds, seconds > 0 ? r.rows() / seconds : 0);
            result.set(job.kind() == JobKind.COUNT
                    ? texts.get("result.counted", Formats.count(r.rows()), job.keyspace() + "." + job.table(), Formats.seconds(seconds))
                    : texts.get("result.exported", Formats.count(r.rows()), output.get().strip(), Formats.seconds(seconds)));
        } else if (r.state() == SparkRunState.KILLED) {
            result.set(texts.get("result.cancelled", r.log()));
        } else {
            result.set(texts.get("result.failed", r.message().isBlank() ? texts.get("result.noReason") : r.message(), r.log()));
        }
        running.set(false); // last: whoever waits for the end sees the words of it
    }

    private void couldNotLaunch(Throwable e) {
        run = null;
        state.set(texts.get("state.FAILED"));
        result.set(texts.get("result.notLaunched", Messages.of(e)));
        running.set(false);
    }

    /** Stops the application: Spark is asked first, then spark-submit's process is ended. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        state.set(texts.get("state.cancelling"));
        SparkRun r = run;
        if (r != null) {
            runner.run("cancel spark", () -> {
                r.cancel();
                return null;
            }, x -> { }, e -> { });
        }
    }

    /** The settings as they are now, to keep for the next launch. */
    public SparkLaunchSettings settings() {
        return new SparkLaunchSettings(sparkHome.get(), master.get(), jobJar.get(), packages.get(), extraConf.get());
    }

    /** What the job is, for the window's title: "Export demo.events on Spark". */
    public String title() {
        return texts.get(job.kind() == JobKind.COUNT ? "title.count" : "title.export", job.keyspace() + "." + job.table());
    }

    public boolean isExport() {
        return job.kind() == JobKind.EXPORT;
    }

    public StringProperty sparkHomeProperty() { return sparkHome; }
    public StringProperty masterProperty() { return master; }
    public StringProperty jobJarProperty() { return jobJar; }
    public StringProperty packagesProperty() { return packages; }
    public StringProperty extraConfProperty() { return extraConf; }
    public StringProperty outputProperty() { return output; }
    public ReadOnlyStringProperty commandProperty() { return command.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> logFolderProperty() { return logFolder.getReadOnlyProperty(); }
    public BooleanBinding canLaunchProperty() { return canLaunch; }
    public JobProgressModel progress() { return progress; }
}
