package dev.ringside;

import dev.ringside.cli.RingsideCli;
import dev.ringside.ui.RingsideApp;

import java.util.Arrays;

/**
 * Entry point of {@code ringside.jar}: no argument opens the desktop app, anything else runs the command line.
 * Not a JavaFX {@code Application} itself, so that the jar starts from the classpath without module flags.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("ringside.log.level", "INFO");
        }
        if (args.length == 0) {
            RingsideApp.launchApp(new String[0]);
            return;
        }
        System.exit(RingsideCli.run(args));
    }
}
