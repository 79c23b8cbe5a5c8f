package dev.ringside.ui;

import dev.ringside.ui.common.Session;
import javafx.beans.binding.Bindings;
import dev.ringside.ui.theme.ThemeChoice;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main window: connection and job indicators, the theme choice (light, dark, or the system's), the About dialog, and the screens as tabs. Each
 * screen is built the first time its tab is shown, so that only the first screen is built before the window opens.
 */
public final class MainController {

    /** The screens, in tab order, with their FXML (beside main.fxml) and texts. */
    public enum Screen {
        CONNECT("connect/connect.fxml", "dev.ringside.ui.connect.connect"),
        BROWSE("browse/browse.fxml", "dev.ringside.ui.browse.browse"),
        COUNT("count/count.fxml", "dev.ringside.ui.count.count"),
        EXPORT("export/export.fxml", "dev.ringside.ui.export.export"),
        JOBS("jobs/jobs.fxml", "dev.ringside.ui.jobs.jobs");

        private final String fxml;
        private final String bundle;

        Screen(String fxml, String bundle) {
            this.fxml = fxml;
            this.bundle = bundle;
        }

        public String fxml() { return fxml; }
        public String bundle() { return bundle; }
    }

    private final Session session;
    private final ObjectProperty<ThemeChoice> theme;
    private final Function<Screen, Parent> screens;
    private final AboutInfo about;
    private final Consumer<Path> folderOpener;

    @FXML Label connection;
    @FXML Label job;
    @FXML Label load;
    @FXML ComboBox<ThemeChoice> themeBox;
    @FXML Button aboutButton;
    @FXML public TabPane tabs;
    @FXML Tab connectTab;
    @FXML Tab browseTab;
    @FXML Tab countTab;
    @FXML Tab exportTab;
    @FXML Tab jobsTab;
    @FXML ResourceBundle resources;

    /**
     * @param screens      builds a screen's view (its FXML, with the app's controllers)
     * @param about        what the About dialog shows
     * @param folderOpener opens a folder in the desktop's file manager
     */
    public MainController(Session session, ObjectProperty<ThemeChoice> themeChoice, Function<Screen, Parent> screens, AboutInfo about,
                          Consumer<Path> folderOpener) {
        this.session = session;
        this.theme = themeChoice;
        this.screens = screens;
        this.about = about;
        this.folderOpener = folderOpener;
    }

    @FXML
    void initialize() {
        connection.textProperty().bind(Bindings.createStringBinding(() -> session.connection() == null
                ? resources.getString("status.disconnected")
                : java.text.MessageFormat.format(resources.getString("status.connected"), session.connection().description()),
                session.connectionProperty()));
        job.textProperty().bind(Bindings.when(session.jobRunningProperty()).then(resources.getString("status.jobRunning")).otherwise(""));
        load.textProperty().bind(Bindings.createStringBinding(() -> loadText(session.tableLoadProperty().get()),
                session.tableLoadProperty()));
        load.visibleProperty().bind(session.tableLoadProperty().isNotNull());
        // Either line may give way to the others when the bar is short of room: its tooltip holds all of it.
        for (Label l : new Label[] {connection, job, load}) {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(l.textProperty());
            l.tooltipProperty().bind(Bindings.when(l.textProperty().isEmpty())
                    .then((javafx.scene.control.Tooltip) null).otherwise(tip));
        }
        load.managedProperty().bind(load.visibleProperty());
        themeBox.getItems().setAll(ThemeChoice.values());
        themeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeChoice c) {
                return c == null ? "" : resources.getString("theme." + c.name());
            }

            @Override
            public ThemeChoice fromString(String s) {
                return null;
            }
        });
        themeBox.valueProperty().bindBidirectional(theme);
        for (Tab t : new Tab[] {browseTab, countTab, exportTab}) {
            t.disableProperty().bind(session.connectedProperty().not());
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> build(now.intValue()));
        build(tabs.getSelectionModel().getSelectedIndex());
    }

    /** The background load's line in the app bar: rows so far of the total, then done, or why it stopped. */
    private String loadText(dev.ringside.app.sample.TableLoad l) {
        if (l == null) {
            return "";
        }
        String key = l.failedToLoad() ? "status.loadFailed" : l.loading() ? "status.loading" : "status.loaded";
        return java.text.MessageFormat.format(resources.getString(key), l.table(),
                dev.ringside.ui.common.Formats.count(l.loaded()), dev.ringside.ui.common.Formats.count(l.total()),
                l.error());
    }

    /** Selects the screen's tab, building the screen first if it was never shown. */
    public void show(Screen screen) {
        build(screen.ordinal());
        tabs.getSelectionModel().select(screen.ordinal());
    }

    /** Whether the screen has been built yet (screens are built when first shown). */
    public boolean isBuilt(Screen screen) {
        return tabs.getTabs().get(screen.ordinal()).getContent() != null;
    }

    private void build(int index) {
        if (index < 0) {
            return;
        }
        Tab tab = tabs.getTabs().get(index);
        if (tab.getContent() == null) {
            tab.setContent(screens.apply(List.of(Screen.values()).get(index)));
        }
    }

    @FXML
    void about() {
        new AboutDialog(about, folderOpener, resources).show(tabs.getScene().getWindow());
    }
}
