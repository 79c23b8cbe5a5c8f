package dev.ringside.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.ui.RingsideUi;
import dev.ringside.ui.common.AppFiles;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The theme choice in the real window (headless, no cluster), with a desktop that says it is dark. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeChoiceUiTest {

    private final FxRobot robot = new FxRobot();
    private RingsideUi ui;
    private Stage stage;
    @TempDir
    static Path config;

    @BeforeAll
    void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        SystemTheme darkDesktop = new SystemTheme("Linux", Map.of(), command -> Optional.of("'prefer-dark'"));
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), p -> { }, darkDesktop);
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        FxToolkit.cleanupStages();
    }

    @Test
    void followingTheSystemShowsItsThemeAndTheChoiceIsRemembered() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<ThemeChoice> box = robot.lookup("#themeBox").queryAs(ComboBox.class);
        assertThat(box.getItems()).containsExactly(ThemeChoice.LIGHT, ThemeChoice.DARK, ThemeChoice.SYSTEM);
        assertThat(box.getValue()).as("a new user follows the system").isEqualTo(ThemeChoice.SYSTEM);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.darkProperty().get());
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());

        robot.interact(() -> box.setValue(ThemeChoice.LIGHT));
        assertThat(ui.darkProperty().get()).isFalse();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        robot.interact(() -> box.setValue(ThemeChoice.SYSTEM));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.darkProperty().get());

        // A window manager's close button sends this request; the window state is written on it.
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        String saved = Files.readString(config.resolve("window.json"));
        assertThat(saved.replace(" ", "")).contains("\"theme\":\"SYSTEM\"").contains("\"dark\":true");
    }
}
