package dev.ringside.ui.spark;

import dev.ringside.ui.common.LiveProgressPane;
import dev.ringside.ui.common.ScreenScroll;
import dev.ringside.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The "Run on Spark…" window: the settings, the command, Launch and Cancel, and the same live progress view as the
 * count and export screens. It holds bindings only; the chooser and the clipboard are its own.
 */
final class SparkRunWindow {

    private final Texts texts = Texts.load("dev.ringside.ui.spark.spark");
    private final SparkRunViewModel vm;
    private final Consumer<Path> folderOpener;
    private final Stage stage = new Stage();
    private final Label copied = new Label();

    SparkRunWindow(SparkRunViewModel vm, Consumer<Path> folderOpener, Window owner, String stylesheet) {
        this.vm = vm;
        this.folderOpener = folderOpener;
        stage.initOwner(owner);
        stage.setTitle(vm.title());
        // 1270 x 760: the window fits a 1280 x 800 screen, as the main window does; the live view's ranges table beside
        // the ring needs the width. The settings fold on Launch; below its minimum height the window scrolls.
        ScrollPane scroll = new ScrollPane(content());
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        ScreenScroll.repaintOnlyWhatChanges(scroll);
        // A pane under the scroll pane takes the theme's background (a scroll pane as the root shows the scene's white).
        Scene scene = new Scene(new javafx.scene.layout.BorderPane(scroll), 1270, 760);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (vm.runningProperty().get() && !confirmStop()) {
                e.consume();
            } else {
                vm.cancel();
            }
        });
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    private VBox content() {
        Label intro = new Label(texts.get("intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(names, values);
        int row = 0;
        TextField home = field("sparkHome", vm.sparkHomeProperty());
        home.setPromptText(texts.get("sparkHome.prompt"));
        Button browse = new Button(texts.get("sparkHome.browse"));
        browse.setId("sparkHomeBrowse");
        browse.setOnAction(e -> chooseSparkHome());
        HBox homeRow = new HBox(8, home, browse);
        HBox.setHgrow(home, Priority.ALWAYS);
        form.addRow(row++, name("sparkHome"), homeRow);
        form.addRow(row++, name("master"), field("master", vm.masterProperty()));
        form.addRow(row++, name("jobJar"), field("jobJar", vm.jobJarProperty()));
        form.addRow(row++, name("packages"), field("packages", vm.packagesProperty()));
        if (vm.isExport()) {
            form.addRow(row++, name("output"), field("output", vm.outputProperty()));
        }
        TextArea conf = new TextArea();
        conf.setId("sparkConf");
        conf.setPromptText(texts.get("conf.prompt"));
        conf.setTooltip(new Tooltip(texts.get("conf.tooltip")));
        conf.setPrefRowCount(3);
        conf.textProperty().bindBidirectional(vm.extraConfProperty());
        form.addRow(row, name("conf"), conf);

        TextArea command = new TextArea();
        command.setId("sparkCommand");
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(4);
        command.setMinHeight(TextArea.USE_PREF_SIZE); // the whole line stays readable; the live view gives way first
        command.getStyleClass().add("command-line");
        command.textProperty().bind(vm.commandProperty());
        Label problem = new Label();
        problem.setId("sparkProblem");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        problem.getStyleClass().add("warning-text");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button copy = button("copySparkCommand", "copy");
        copy.disableProperty().bind(vm.commandProperty().isEmpty());
        copy.setOnAction(e -> vm.commandToCopy().ifPresent(this::copy));
        Button launch = button("launchSpark", "launch");
        launch.disableProperty().bind(vm.canLaunchProperty().not());
        launch.setDefaultButton(true);
        launch.setOnAction(e -> vm.launch());
        Button cancel = button("cancelSpark", "cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button log = new Button(texts.get("openLog"));
        log.setId("openSparkLog");
        log.disableProperty().bind(vm.logFolderProperty().isNull());
        log.setOnAction(e -> folderOpener.accept(vm.logFolderProperty().get()));
        Button close = new Button(texts.get("close"));
        close.setId("closeSpark");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (!vm.runningProperty().get() || confirmStop()) {
                vm.cancel();
                stage.close();
            }
        });
        copied.setId("sparkCopied");
        HBox buttons = new HBox(8, copy, launch, cancel, log, close, copied);

        Label state = new Label();
        state.setId("sparkState");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.concat(texts.get("state"), ": ", vm.stateProperty()));
        Label result = new Label();
        result.setId("sparkResult");
        result.setWrapText(true);
        result.setMinHeight(Label.USE_PREF_SIZE);
        result.getStyleClass().add("summary-text");
        result.textProperty().bind(vm.resultProperty());

        LiveProgressPane live = new LiveProgressPane();
        live.setWrittenShown(false);
        live.bind(vm.progress());
        VBox.setVgrow(live, Priority.ALWAYS);

        VBox settingsBox = new VBox(10, intro, form);
        TitledPane settings = new TitledPane(texts.get("settings"), settingsBox);
        settings.setId("sparkSettings");
        // Folded by a launch, as the Export screen's settings are, so the live view shows; a click opens them again.
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                settings.setExpanded(false);
            }
        });
        VBox box = new VBox(10, settings, new Label(texts.get("command")), command, problem, buttons, state, result, live);
        box.setPadding(new Insets(14));
        box.setId("sparkRunWindow");
        return box;
    }

    private Label name(String key) {
        Label l = new Label(texts.get(key));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private TextField field(String key, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId("spark" + Character.toUpperCase(key.charAt(0)) + key.substring(1));
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(texts.get(key + ".tooltip")));
        return f;
    }

    private Button button(String id, String key) {
        Button b = new Button(texts.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(texts.get(key + ".tooltip")));
        return b;
    }

    private void chooseSparkHome() {
        DirectoryChooser chooser = new DirectoryChooser();
        String current = vm.sparkHomeProperty().get();
        if (current != null && !current.isBlank() && new File(current).isDirectory()) {
            chooser.setInitialDirectory(new File(current));
        }
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            vm.sparkHomeProperty().set(chosen.getAbsolutePath());
        }
    }

    private void copy(String line) {
        ClipboardContent content = new ClipboardContent();
        content.putString(line);
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText(texts.get("copied"));
    }

    private boolean confirmStop() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, texts.get("closeRunning"), ButtonType.YES, ButtonType.NO);
        ask.initOwner(stage);
        ask.setHeaderText(null);
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }
}
