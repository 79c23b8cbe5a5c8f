package dev.ringside.ui;

import dev.ringside.app.DriverClusterConnection;
import dev.ringside.ui.common.AppFiles;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The desktop app. Named parameters (from {@code ringside demo}): --host=, --dc=, --user=, --keyspace=, --table=, --connect. */
public final class RingsideApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(RingsideApp.class);

    /** Opens the app and returns when its window closes. */
    public static void launchApp(String[] args) {
        Application.launch(RingsideApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.getIcons().setAll(AppIcon.images());
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> logFirstShown());
        RingsideUi ui = new RingsideUi(stage, AppFiles.forUser(), DriverClusterConnection.connector(),
                dir -> getHostServices().showDocument(dir.toUri().toString()));
        ui.show();
        Map<String, String> named = new HashMap<>(getParameters().getNamed());
        if (getParameters().getUnnamed().contains("--connect")) {
            named.put("connect", "true");
        }
        ui.applyLaunchParameters(named);
    }

    /** The startup time a user feels: from the process start to the window on screen (the log file keeps it). */
    private static void logFirstShown() {
        ProcessHandle.Info process = ProcessHandle.current().info();
        long cpuMillis = process.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        process.startInstant().ifPresentOrElse(
                start -> LOG.info("Window shown {} ms after the process started ({} ms of CPU time)",
                        Duration.between(start, Instant.now()).toMillis(), cpuMillis),
                () -> LOG.info("Window shown ({} ms of CPU time)", cpuMillis));
    }
}
