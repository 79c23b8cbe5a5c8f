package dev.ringside.ui;

import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.DriverClusterConnection;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.HashMap;
import java.util.Map;

/** The desktop app. Named parameters (from {@code ringside demo}): --host=, --dc=, --user=, --keyspace=, --table=, --connect. */
public final class RingsideApp extends Application {

    /** Opens the app and returns when its window closes. */
    public static void launchApp(String[] args) {
        Application.launch(RingsideApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        RingsideUi ui = new RingsideUi(stage, AppFiles.forUser(), DriverClusterConnection.connector(),
                dir -> getHostServices().showDocument(dir.toUri().toString()));
        ui.show();
        Map<String, String> named = new HashMap<>(getParameters().getNamed());
        if (getParameters().getUnnamed().contains("--connect")) {
            named.put("connect", "true");
        }
        ui.applyLaunchParameters(named);
    }
}
