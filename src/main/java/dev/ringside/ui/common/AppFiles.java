package dev.ringside.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The app's own files (profiles, job history, window state) in the user's config folder: {@code ~/.config/ringside}
 * ({@code %APPDATA%\Ringside} on Windows), or {@code -Dringside.config.dir}. Written atomically.
 */
public final class AppFiles {

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AppFiles(Path dir) {
        this.dir = dir;
    }

    public static AppFiles forUser() {
        String override = System.getProperty("ringside.config.dir");
        if (override != null) {
            return new AppFiles(Path.of(override));
        }
        String appData = System.getenv("APPDATA");
        if (appData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return new AppFiles(Path.of(appData, "Ringside"));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return new AppFiles((xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config")).resolve("ringside"));
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
