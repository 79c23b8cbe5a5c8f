package dev.ringside.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * The app's own files (profiles, job history, window state) in the user's config folder, by each OS's convention:
 * {@code ~/.config/ringside} on Linux (or {@code $XDG_CONFIG_HOME/ringside}), {@code %APPDATA%\Ringside} on Windows,
 * {@code ~/Library/Application Support/Ringside} on macOS; {@code -Dringside.config.dir} overrides it. Written
 * atomically.
 */
public final class AppFiles {

    /** The system property that overrides the folder. */
    public static final String OVERRIDE_PROPERTY = "ringside.config.dir";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AppFiles(Path dir) {
        this.dir = dir;
    }

    /** The config folder of the user running this JVM. */
    public static AppFiles forUser() {
        return new AppFiles(configDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty(OVERRIDE_PROPERTY)));
    }

    /** The config folder for the given OS name, environment, home folder and override (null when not set). */
    static Path configDir(String osName, Map<String, String> env, String home, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return base.resolve("Ringside");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Ringside");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("ringside");
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public ObjectMapper json() {
        return json;
    }

    public <T> T read(String name, Class<T> type, T fallback) {
        Path f = file(name);
        if (!Files.isRegularFile(f)) {
            return fallback;
        }
        try {
            return json.readValue(f.toFile(), type);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(AppFiles.class).warn("Ignoring unreadable {}: {}", f, e.getMessage());
            return fallback;
        }
    }

    public void write(String name, Object value) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        json.writeValue(tmp.toFile(), value);
        Files.move(tmp, file(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
