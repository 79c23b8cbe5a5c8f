package dev.ringside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Alerts owned by the main window; error details (the cause chain, and a link that opens the log folder for a bug
 * report) are collapsed until the user asks.
 */
public final class FxPrompter implements Prompter {

    private final Supplier<Window> owner;
    private final Path logFolder;
    private final Consumer<Path> folderOpener;
    private final Texts texts = Texts.load("dev.ringside.ui.common.common");

    public FxPrompter(Supplier<Window> owner, Path logFolder, Consumer<Path> folderOpener) {
        this.owner = owner;
        this.logFolder = logFolder;
        this.folderOpener = folderOpener;
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public int choose(String title, String message, java.util.List<String> choices) {
        java.util.List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(new ButtonType(choices.get(i), i == choices.size() - 1
                    ? javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE : javafx.scene.control.ButtonBar.ButtonData.OTHER));
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().map(buttons::indexOf).orElse(-1);
    }

    @Override
    public void error(String title, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (details != null) {
            StringWriter w = new StringWriter();
            details.printStackTrace(new PrintWriter(w)); // into the folded "Details" area, not the console
            TextArea area = new TextArea(w.toString());
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefRowCount(14);
            VBox.setVgrow(area, Priority.ALWAYS);
            Hyperlink openLogs = new Hyperlink(texts.get("dialog.openLogFolder", logFolder));
            openLogs.setOnAction(e -> folderOpener.accept(logFolder));
            alert.getDialogPane().setExpandableContent(new VBox(6, area, openLogs));
            alert.getDialogPane().setExpanded(false);
        }
        alert.show();
    }
}
