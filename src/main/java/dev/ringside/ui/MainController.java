package dev.ringside.ui;

import dev.ringside.ui.common.Session;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;

/** The main window: connection and job indicators, the theme switch, and the screens as tabs. */
public final class MainController {

    /** The screens, in tab order. */
    public enum Screen { CONNECT, BROWSE, COUNT, EXPORT, JOBS }

    private final Session session;
    private final BooleanProperty dark;

    @FXML Label connection;
    @FXML Label job;
    @FXML ToggleButton darkTheme;
    @FXML public TabPane tabs;
    @FXML Tab connectTab;
    @FXML Tab browseTab;
    @FXML Tab countTab;
    @FXML Tab exportTab;
    @FXML Tab jobsTab;

    public MainController(Session session, BooleanProperty dark) {
        this.session = session;
        this.dark = dark;
    }

    @FXML
    void initialize() {
        connection.textProperty().bind(Bindings.createStringBinding(() -> session.connection() == null
                ? "Not connected" : "Connected: " + session.connection().description(), session.connectionProperty()));
        job.textProperty().bind(Bindings.when(session.jobRunningProperty()).then("A job is running…").otherwise(""));
        darkTheme.selectedProperty().bindBidirectional(dark);
        for (Tab t : new Tab[] {browseTab, countTab, exportTab}) {
            t.disableProperty().bind(session.connectedProperty().not());
        }
    }

    public void show(Screen screen) {
        tabs.getSelectionModel().select(screen.ordinal());
    }
}
