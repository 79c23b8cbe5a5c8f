package dev.ringside.ui.spark;

import dev.ringside.app.history.JobSpec;
import dev.ringside.app.spark.SparkCommands;
import dev.ringside.app.spark.SparkJobJar;
import dev.ringside.app.spark.SparkTarget;
import dev.ringside.app.spark.run.SparkLaunchSettings;
import dev.ringside.app.spark.run.SparkRunner;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.TaskRunner;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens "Run on Spark…" windows for the count and export screens: the settings last used (read and kept in the
 * background, in {@code spark.json}, no secret in it), this machine's defaults for the blanks, and a window per job.
 */
public final class SparkWindows implements SparkOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SparkWindows.class);
    static final String SETTINGS_FILE = "spark.json";

    private final AppFiles files;
    private final TaskRunner runner;
    private final SparkRunner sparkRunner;
    private final Consumer<Path> folderOpener;
    private final Supplier<Window> owner;
    private final String stylesheet;

    public SparkWindows(AppFiles files, TaskRunner runner, SparkRunner sparkRunner, Consumer<Path> folderOpener,
                        Supplier<Window> owner, String stylesheet) {
        this.files = files;
        this.runner = runner;
        this.sparkRunner = sparkRunner;
        this.folderOpener = folderOpener;
        this.owner = owner;
        this.stylesheet = stylesheet;
    }

    /** This machine's defaults: its SPARK_HOME, all its cores, the job jar beside the app, the tested connector. */
    static SparkLaunchSettings defaults() {
        return new SparkLaunchSettings(System.getenv().getOrDefault("SPARK_HOME", ""), SparkTarget.LOCAL,
                new SparkJobJar().find().map(Path::toString).orElse(""), SparkCommands.builtConnectorPackage(), "");
    }

    /** A window for {@code job} (on its cluster); the password goes to a launched job's environment only. */
    @Override
    public void open(JobSpec job, Optional<String> password) {
        // The settings file and the job jar are looked for in the background: no disk on the UI thread.
        runner.run("spark settings", () -> {
                    SparkLaunchSettings defaults = defaults();
                    return files.read(SETTINGS_FILE, SparkLaunchSettings.class, defaults).orElse(defaults);
                }, settings -> show(job, password, settings),
                e -> show(job, password, new SparkLaunchSettings("", SparkTarget.LOCAL, "", "", "")));
    }

    private void show(JobSpec job, Optional<String> password, SparkLaunchSettings settings) {
        SparkRunViewModel vm = new SparkRunViewModel(job, password, settings, sparkRunner, runner,
                files.dir().resolve("spark-runs"), this::keep);
        new SparkRunWindow(vm, folderOpener, owner.get(), stylesheet).show();
    }

    private void keep(SparkLaunchSettings settings) {
        runner.run("keep spark settings", () -> {
            files.write(SETTINGS_FILE, settings);
            return null;
        }, x -> { }, e -> LOG.warn("Could not keep the Spark settings: {}", e.getMessage()));
    }
}
