package dev.ringside.ui;

import dev.ringside.app.DriverClusterConnection;
import dev.ringside.ui.common.AppFiles;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window without a cluster: screens are built when first shown, and the About dialog (headless, TestFX). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainWindowTest {

    private final FxRobot robot = new FxRobot();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private RingsideUi ui;
    @TempDir
    static Path config;

    @BeforeAll
    void start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), opened::add);
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void onlyTheFirstScreenIsBuiltBeforeItIsShownAndShortcutsBuildTheirs() {
        MainController main = ui.mainController();
        assertThat(main.isBuilt(MainController.Screen.CONNECT)).isTrue();
        for (MainController.Screen s : List.of(MainController.Screen.BROWSE, MainController.Screen.COUNT,
                MainController.Screen.EXPORT, MainController.Screen.JOBS)) {
            assertThat(main.isBuilt(s)).as(s.name()).isFalse();
        }
        robot.interact(() -> main.show(MainController.Screen.JOBS));
        assertThat(main.isBuilt(MainController.Screen.JOBS)).isTrue();
        assertThat(main.tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("jobsTab");
        assertThat(robot.from(main.tabs.getSelectionModel().getSelectedItem().getContent()).lookup("#jobs").tryQuery()).isPresent();
        robot.interact(() -> main.show(MainController.Screen.COUNT));
        assertThat(main.isBuilt(MainController.Screen.COUNT)).isTrue();
        assertThat(main.isBuilt(MainController.Screen.EXPORT)).isFalse();
        robot.interact(() -> main.show(MainController.Screen.CONNECT));
    }

    @Test
    void aboutShowsVersionLicenceRuntimeAndFoldersThatOpen() {
        Button about = robot.lookup("#aboutButton").queryButton();
        robot.interact(about::fire);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#aboutDialog").queryAs(DialogPane.class);
        assertThat(((Label) pane.lookup("#about-version")).getText()).isNotBlank().doesNotContain("${");
        assertThat(((Label) pane.lookup("#about-licence")).getText()).isEqualTo("Apache License, Version 2.0");
        assertThat(((Label) pane.lookup("#about-java")).getText()).startsWith(System.getProperty("java.version"));
        assertThat(((Label) pane.lookup("#about-javafx")).getText()).startsWith("21.");
        robot.interact(() -> ((Button) pane.lookup("#openConfigFolder")).fire());
        robot.interact(() -> ((Button) pane.lookup("#openLogFolder")).fire());
        assertThat(opened).containsExactly(config, dev.ringside.logging.LogFolder.forUser().path());
        robot.interact(() -> ((Window) pane.getScene().getWindow()).hide());
    }
}
