package dev.ringside.cli;

import java.util.Map;

/**
 * Opens the desktop app and returns when its window closes. {@code Main} gives the command line the real one, so
 * that the command line itself never loads the UI; a command line built without it has {@link #NONE}.
 */
@FunctionalInterface
public interface AppLauncher {

    /** For a command line without the app (tests, embedding): says so instead of opening a window. */
    AppLauncher NONE = parameters -> {
        throw new IllegalStateException("The desktop app is not available from this command line; start Ringside "
                + "with its launcher or java -jar ringside.jar.");
    };

    /**
     * @param parameters what the app opens with, by name: {@code host}, {@code dc}, {@code user}, {@code password},
     *                   {@code keyspace}, {@code table}, and {@code connect} to connect at once; none for the
     *                   Connect screen
     */
    void launch(Map<String, String> parameters);
}
