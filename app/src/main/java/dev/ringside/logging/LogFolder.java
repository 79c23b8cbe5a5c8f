package dev.ringside.logging;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Ringside writes its log file, by each OS's convention: {@code ~/.local/state/ringside} on Linux (or
 * {@code $XDG_STATE_HOME/ringside}), {@code %LOCALAPPDATA%\Ringside\logs} on Windows, {@code ~/Library/Logs/Ringside}
 * on macOS. {@code -Dringside.log.dir} overrides it.
 */
public record LogFolder(Path path) {

    /** The system property that overrides the folder. */
    public static final String OVERRIDE_PROPERTY = "ringside.log.dir";

    /** The log folder of the user running this JVM. */
    public static LogFolder forUser() {
        return of(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty(OVERRIDE_PROPERTY));
    }

    /** The log folder for the given OS name, environment, home folder and override (null when not set). */
    static LogFolder of(String osName, Map<String, String> env, String home, String override) {
        if (override != null && !override.isBlank()) {
            return new LogFolder(Path.of(override));
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData != null ? Path.of(localAppData) : Path.of(home, "AppData", "Local");
            return new LogFolder(base.resolve("Ringside").resolve("logs"));
        }
        if (os.startsWith("mac")) {
            return new LogFolder(Path.of(home, "Library", "Logs", "Ringside"));
        }
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(home, ".local", "state");
        return new LogFolder(base.resolve("ringside"));
    }

    /** The current log file in this folder. */
    public Path file() {
        return path.resolve("ringside.log");
    }
}
