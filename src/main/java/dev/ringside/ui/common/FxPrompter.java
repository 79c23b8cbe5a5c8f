package dev.ringside.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** Alerts owned by the main window; error details (the cause chain) are collapsed until the user asks. */
public final class FxPrompter implements Prompter {

    private final Supplier<Window> owner;

    public FxPrompter(Supplier<Window> owner) {
        this.owner = owner;
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
            alert.getDialogPane().setExpandableContent(area);
            alert.getDialogPane().setExpanded(false);
        }
        alert.show();
    }
}
