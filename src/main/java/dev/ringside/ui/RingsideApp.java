package dev.ringside.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.Map;

/** The desktop app. */
public final class RingsideApp extends Application {

    /** Opens the app and returns when its window closes. */
    public static void launchApp(String[] args) {
        Application.launch(RingsideApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Label title = new Label("Ringside");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label hint = new Label(named.containsKey("host")
                ? "Sandbox cluster at " + named.get("host")
                : "Count and export whole Cassandra tables by token range.");
        VBox root = new VBox(12, title, hint);
        root.setPadding(new Insets(24));
        stage.setTitle("Ringside");
        stage.setScene(new Scene(root, 960, 640));
        stage.show();
    }
}
