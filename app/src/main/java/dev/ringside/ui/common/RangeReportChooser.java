package dev.ringside.ui.common;

import dev.ringside.ui.common.job.RangeReportModel;
import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;

/** The file chooser of "Save range report…"; the saving itself is the model's, in the background. */
public final class RangeReportChooser {

    private RangeReportChooser() {
    }

    public static void chooseAndSave(Node owner, RangeReportModel report) {
        Texts texts = Texts.load("dev.ringside.ui.common.common");
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("report.chooser"));
        chooser.setInitialFileName(report.suggestedName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file != null) {
            report.save(file.toPath());
        }
    }
}
