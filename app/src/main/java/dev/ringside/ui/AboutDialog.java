package dev.ringside.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/** "About Ringside": version, licence, Java and JavaFX, and the log and config folders with a button that opens each. */
final class AboutDialog {

    private final AboutInfo info;
    private final Consumer<Path> folderOpener;
    private final ResourceBundle texts;

    AboutDialog(AboutInfo info, Consumer<Path> folderOpener, ResourceBundle texts) {
        this.info = info;
        this.folderOpener = folderOpener;
        this.texts = texts;
    }

    void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 0, 0));
        int row = 0;
        row = text(grid, row, "about.version", info.version());
        row = text(grid, row, "about.licence", info.licence() != null ? info.licence() : texts.getString("about.licence.none"));
        row = text(grid, row, "about.java", info.java());
        row = text(grid, row, "about.javafx", info.javafx());
        row = folder(grid, row, "about.logs", info.logFolder(), "openLogFolder");
        folder(grid, row, "about.config", info.configFolder(), "openConfigFolder");

        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.getString("about.title"));
        alert.setHeaderText(texts.getString("about.header"));
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("aboutDialog");
        alert.getDialogPane().setPrefWidth(620);
        alert.show();
    }

    private int text(GridPane grid, int row, String key, String value) {
        Label v = new Label(value);
        v.setWrapText(true);
        v.setId(key.replace("about.", "about-"));
        grid.addRow(row, new Label(texts.getString(key)), v);
        GridPane.setColumnSpan(v, 2);
        return row + 1;
    }

    private int folder(GridPane grid, int row, String key, Path folder, String buttonId) {
        // A read-only field, so that the path can be selected and copied into a bug report.
        TextField path = new TextField(folder.toString());
        path.setEditable(false);
        GridPane.setHgrow(path, Priority.ALWAYS);
        Button open = new Button(texts.getString("about.open"));
        open.setId(buttonId);
        open.setOnAction(e -> folderOpener.accept(folder));
        grid.addRow(row, new Label(texts.getString(key)), path, open);
        return row + 1;
    }
}
