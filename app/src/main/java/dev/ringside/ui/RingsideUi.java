package dev.ringside.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ringside.app.ClusterConnector;
import dev.ringside.app.ConnectionCloser;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.JobHistoryFile;
import dev.ringside.app.history.JobHistoryService;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.sample.SampleLoad;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.logging.LogFolder;
import dev.ringside.ui.browse.BrowseController;
import dev.ringside.ui.browse.BrowseViewModel;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.FxPrompter;
import dev.ringside.ui.common.FxTaskRunner;
import dev.ringside.ui.common.ScreenScroll;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.job.JobHistory;
import dev.ringside.ui.connect.ConnectController;
import dev.ringside.ui.connect.ConnectViewModel;
import dev.ringside.ui.connect.ProfileStore;
import dev.ringside.ui.count.CountController;
import dev.ringside.ui.count.CountViewModel;
import dev.ringside.ui.export.ExportController;
import dev.ringside.ui.export.ExportViewModel;
import dev.ringside.ui.jobs.JobsController;
import dev.ringside.ui.jobs.JobsViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.ringside.ui.theme.SystemTheme;
import dev.ringside.ui.theme.ThemeChoice;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Callback;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the whole desktop UI on a stage: view-models wired by constructor, FXML views whose controllers get
 * their view-models, theme, shortcuts, remembered window state and a clean close. The app and the UI tests use it.
 */
public final class RingsideUi {

    private static final Logger LOG = LoggerFactory.getLogger(RingsideUi.class);
    static final String WINDOW_FILE = "window.json";

    private final Stage stage;
    private final AppFiles files;
    private final FxTaskRunner runner = new FxTaskRunner();
    private final Session session = new Session(ConnectionCloser.inBackground());
    /** The theme chosen, and whether the window is dark now (the choice, or the system's answer to "follow"). */
    private final ObjectProperty<ThemeChoice> themeChoice = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ConnectViewModel connect;
    private final BrowseViewModel browse;
    private final CountViewModel count;
    private final ExportViewModel export;
    private final JobsViewModel jobs;
    private final FxPrompter prompter;
    private final JobHistoryService historyService;
    private final Consumer<Path> folderOpener;
    private final ResourceBundle text = dev.ringside.ui.common.Bundles.load("dev.ringside.ui.main");
    private final SystemTheme systemTheme;
    private MainController main;
    /** The demo's sample rows being loaded while the window is open, or {@code null}. */
    private SampleLoad sampleLoad;

    public RingsideUi(Stage stage, AppFiles files, ClusterConnector connector, Consumer<Path> folderOpener) {
        this(stage, files, connector, folderOpener, SystemTheme.current());
    }

    /** @param systemTheme tells whether the desktop is dark, for "follow the system" */
    public RingsideUi(Stage stage, AppFiles files, ClusterConnector connector, Consumer<Path> folderOpener,
                      SystemTheme systemTheme) {
        this.systemTheme = systemTheme;
        this.stage = stage;
        this.files = files;
        this.folderOpener = folderOpener;
        this.prompter = new FxPrompter(() -> stage, LogFolder.forUser().path(), folderOpener);
        historyService = JobHistoryService.inBackground(new JobHistoryFile(files.file("history.json")));
        JobHistory history = new JobHistory(historyService);
        connect = ConnectViewModel.reportingCluster(connector, runner, new ProfileStore(files), (c, cluster) -> {
            boolean rerunWaits = rerunWaits(); // then the re-run shows its own screen
            session.connect(c, cluster);
            if (!rerunWaits) {
                main.show(MainController.Screen.BROWSE);
            }
        });
        browse = new BrowseViewModel(session, runner);
        count = new CountViewModel(session, runner, history, prompter);
        export = new ExportViewModel(session, runner, history, prompter, folderOpener);
        jobs = new JobsViewModel(history, session, runner, prompter, new JobsViewModel.Rerun() {
            @Override
            public void run(JobRecord job) {
                if (job.job().kind() == JobKind.EXPORT) {
                    export.prepare(job);
                    main.show(MainController.Screen.EXPORT);
                } else {
                    main.show(MainController.Screen.COUNT);
                    count.rerun(job);
                }
            }

            @Override
            public void connectTo(ClusterEntry cluster) {
                main.show(MainController.Screen.CONNECT);
                connect.useCluster(cluster);
            }
        });
    }

    /** Whether a re-run from Jobs waits for the connection being opened. */
    private boolean rerunWaits() {
        return jobs.waitingForCluster();
    }

    /** Loads the views and shows the window. */
    public void show() {
        // Whatever escapes a screen's own handling: logged, and shown as a dialog rather than lost or dumped.
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            LOG.error("Unexpected error on the UI thread", e);
            prompter.error(text.getString("error.unexpected"), dev.ringside.ui.common.Messages.of(e), e);
        });
        // Only the main window and its first screen are built here; MainController builds the others when first shown.
        AboutInfo about = AboutInfo.current(LogFolder.forUser().path(), files.dir());
        Map<Class<?>, Supplier<Object>> controllers = new HashMap<>();
        dev.ringside.ui.spark.SparkWindows sparkWindows = new dev.ringside.ui.spark.SparkWindows(files, runner,
                new dev.ringside.app.spark.run.LauncherSparkRunner(), folderOpener, () -> stage,
                RingsideUi.class.getResource("ringside.css").toExternalForm());
        Callback<Class<?>, Object> factory = type -> {
            Supplier<Object> s = controllers.get(type);
            if (s == null) {
                throw new IllegalStateException("No controller for " + type);
            }
            return s.get();
        };
        controllers.put(MainController.class, () -> new MainController(session, themeChoice,
                screen -> load(screen.fxml(), screen.bundle(), factory), about, folderOpener));
        controllers.put(ConnectController.class, () -> new ConnectController(connect));
        controllers.put(BrowseController.class, () -> new BrowseController(browse));
        controllers.put(CountController.class, () -> new CountController(count, session.tableProperty(), sparkWindows));
        controllers.put(ExportController.class, () -> new ExportController(export, session.tableProperty(), sparkWindows));
        controllers.put(JobsController.class, () -> new JobsController(jobs));
        FXMLLoader loader = new FXMLLoader(RingsideUi.class.getResource("main.fxml"),
                dev.ringside.ui.common.Bundles.load("dev.ringside.ui.main"));
        loader.setControllerFactory(factory);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        main = loader.getController();
        WindowState state = files.read(WINDOW_FILE, WindowState.class, WindowState.DEFAULT);
        dark.addListener((o, was, now) -> theme(now));
        themeChoice.addListener((o, was, now) -> follow(now));
        themeChoice.set(state.themeChoice());
        dark.set(state.themeChoice() == ThemeChoice.SYSTEM ? state.dark() : state.themeChoice() == ThemeChoice.DARK);
        theme(dark.get());
        follow(themeChoice.get());
        Scene scene = new Scene(root, state.width(), state.height());
        scene.getStylesheets().add(RingsideUi.class.getResource("ringside.css").toExternalForm());
        shortcuts(scene);
        stage.setTitle(text.getString("window.title"));
        stage.setScene(scene);
        if (!Double.isNaN(state.x())) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
        stage.setOnCloseRequest(e -> {
            if (session.jobRunningProperty().get()) {
                e.consume();
                closeDuringJob();
            } else {
                saveWindow();
                shutdown();
            }
        });
        stage.show();
        javafx.application.Platform.runLater(() -> keepSize(state, scene));
    }

    /**
     * Some window managers (seen with openbox) map the window at a fraction of the size its scene asked for; a
     * window opened smaller than its remembered or default size gets that size again, decorations included.
     */
    private void keepSize(WindowState state, Scene scene) {
        if (stage.isMaximized() || stage.getWidth() >= state.width() - 1 && stage.getHeight() >= state.height() - 1) {
            return;
        }
        double frameWidth = Math.max(0, stage.getWidth() - scene.getWidth());
        double frameHeight = Math.max(0, stage.getHeight() - scene.getHeight());
        LOG.info("The window opened at {} x {}; resizing it to {} x {}", stage.getWidth(), stage.getHeight(),
                state.width(), state.height());
        stage.setWidth(state.width() + frameWidth);
        stage.setHeight(state.height() + frameHeight);
    }

    /** One screen's view, its controllers made by the factory. */
    private static Parent load(String fxml, String bundle, Callback<Class<?>, Object> factory) {
        FXMLLoader loader = new FXMLLoader(RingsideUi.class.getResource(fxml), dev.ringside.ui.common.Bundles.load(bundle));
        loader.setControllerFactory(factory);
        try {
            Parent root = loader.load();
            if (root instanceof ScrollPane screen) {
                ScreenScroll.repaintOnlyWhatChanges(screen);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies a choice; "follow the system" asks the desktop in the background (it runs a command). */
    private void follow(ThemeChoice choice) {
        switch (choice) {
            case LIGHT -> dark.set(false);
            case DARK -> dark.set(true);
            case SYSTEM -> runner.run("system-theme", () -> systemTheme.isDark(), systemDark -> {
                if (themeChoice.get() == ThemeChoice.SYSTEM) {
                    dark.set(systemDark);
                }
            }, error -> LOG.debug("Cannot tell the desktop's theme: {}", error.getMessage()));
        }
    }

    private static void theme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void shortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> {
            main.show(MainController.Screen.CONNECT);
            connect.connect();
        });
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            main.show(MainController.Screen.COUNT);
            count.start();
        });
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> {
            main.show(MainController.Screen.EXPORT);
            export.start();
        });
        keys.put(new KeyCodeCombination(KeyCode.ESCAPE), this::cancelJobs);
        MainController.Screen[] screens = MainController.Screen.values();
        for (int i = 0; i < screens.length; i++) {
            MainController.Screen s = screens[i];
            keys.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN), () -> main.show(s));
        }
    }

    private void cancelJobs() {
        count.cancel();
        export.cancel();
    }

    /** Asks, then cancels the job and closes once it has stopped (partial exports keep their .partial names). */
    private void closeDuringJob() {
        if (!prompter.confirm(text.getString("close.duringJob.title"), text.getString("close.duringJob.text"))) {
            return;
        }
        session.jobRunningProperty().addListener((o, was, now) -> {
            if (!now) {
                saveWindow();
                shutdown();
                stage.close();
            }
        });
        cancelJobs();
        PauseTransition giveUp = new PauseTransition(Duration.seconds(10));
        giveUp.setOnFinished(e -> {
            LOG.warn("The job did not stop within 10 s; closing anyway");
            shutdown();
            stage.close();
        });
        giveUp.play();
    }

    private void saveWindow() {
        try {
            files.write(WINDOW_FILE, new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized(), dark.get(), themeChoice.get().name()));
        } catch (IOException e) {
            LOG.warn("Could not remember the window: {}", e.getMessage());
        }
    }

    private void shutdown() {
        if (sampleLoad != null) {
            sampleLoad.close(); // before the demo stops the sandbox under it
        }
        if (session.connection() != null) {
            session.connection().close();
        }
        runner.close();
        historyService.close();
    }

    /**
     * The demo's launch parameters: fill the connect form, connect, choose the table; with {@code demo-load-rows}
     * and {@code demo-load-dir}, also load the sample rows in the background, shown on the main window and waited
     * for by count and export.
     */
    public void applyLaunchParameters(Map<String, String> named) {
        if (named.containsKey("demo-load-rows") && named.containsKey("demo-load-dir") && named.get("host") != null) {
            ConnectionSettings settings = new ConnectionSettings(java.util.List.of(named.get("host").split(",")),
                    ConnectionSettings.DEFAULT_PORT, named.get("dc"), named.get("user"), named.get("password"), null, null,
                    ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
            loadInBackground(new SampleLoad(settings, Path.of(named.get("demo-load-dir")),
                    Long.parseLong(named.get("demo-load-rows"))));
        }
        connect.prefill(named.get("host"), named.get("dc"), named.get("user"), named.get("password"));
        String keyspace = named.get("keyspace");
        String table = named.get("table");
        if (keyspace != null && table != null) {
            session.connectionProperty().addListener((o, was, now) -> {
                if (now != null && session.tableProperty().get() == null) {
                    session.tableProperty().set(new TableRef(keyspace, table));
                }
            });
        }
        if (named.containsKey("connect")) {
            connect.connect();
        }
    }

    /** Starts a background load whose progress the main window and the job screens follow; closing the window stops it. */
    public void loadInBackground(SampleLoad load) {
        if (sampleLoad != null) {
            throw new IllegalStateException("A sample load has already started.");
        }
        sampleLoad = load;
        load.start(progress -> runner.onUi(() -> session.tableLoadProperty().set(progress)));
    }

    public Session session() { return session; }
    public ConnectViewModel connectViewModel() { return connect; }
    public CountViewModel countViewModel() { return count; }
    public ExportViewModel exportViewModel() { return export; }
    public MainController mainController() { return main; }
    public ObjectProperty<ThemeChoice> themeChoiceProperty() { return themeChoice; }
    /** Whether the window shows the dark theme now. */
    public javafx.beans.property.ReadOnlyBooleanProperty darkProperty() { return javafx.beans.property.ReadOnlyBooleanProperty.readOnlyBooleanProperty(dark); }
    public JobsViewModel jobsViewModel() { return jobs; }
}
