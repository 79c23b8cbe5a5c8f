package dev.ringside;

import dev.ringside.cli.AppLauncher;
import dev.ringside.cli.RingsideCli;
import dev.ringside.cli.VersionProvider;
import dev.ringside.ui.RingsideApp;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;

/**
 * The one entry point, of {@code ringside.jar} and of the installed {@code ringside} launcher: no argument opens the
 * desktop app, anything else runs the command line (same exit codes, stdout and stderr either way). Not a JavaFX
 * {@code Application} itself, so that the jar also starts from the classpath without module flags.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            // Read by logback.xml: the terminal shows INFO, the log file DEBUG for Ringside's own classes.
            System.setProperty("ringside.log.level", "INFO");
            System.setProperty("ringside.file.level", "DEBUG");
        }
        LoggerFactory.getLogger(Main.class).info("Ringside {} ({}) on Java {} ({}), {} {}", VersionProvider.version(),
                args.length == 0 ? "app" : "command line", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
        AppLauncher app = Main::openApp;
        if (args.length == 0) {
            app.launch(Map.of());
            return;
        }
        System.exit(new RingsideCli(app).execute(args));
    }

    /** Opens the window with the parameters as JavaFX reads named ones, {@code --name=value}. */
    private static void openApp(Map<String, String> parameters) {
        RingsideApp.launchApp(parameters.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }
}
