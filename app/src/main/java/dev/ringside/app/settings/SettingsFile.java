package dev.ringside.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link SharedSettings} as JSON. Blocking: call it through a task runner, off the UI thread. A
 * file that is not a Ringside settings file, or from a newer version, is refused with a message saying so.
 */
public final class SettingsFile {

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Writes the settings to {@code file}, replacing it whole (through a temporary file beside it). */
    public void write(Path file, SharedSettings settings) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            json.writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The settings in {@code file}; a {@link SettingsException} says what is wrong with a file that is not one. */
    public SharedSettings read(Path file) throws IOException {
        SharedSettings s;
        try {
            s = json.readValue(file.toFile(), SharedSettings.class);
        } catch (NoSuchFileException e) {
            throw new SettingsException(file + " does not exist. Choose a settings file exported from Ringside.");
        } catch (JsonProcessingException e) {
            throw new SettingsException(file.getFileName() + " is not a Ringside settings file (not the JSON it "
                    + "writes: " + e.getOriginalMessage() + "). Choose a file exported from Ringside.");
        }
        if (s == null || !SharedSettings.FORMAT.equals(s.format())) {
            throw new SettingsException(file.getFileName() + " is not a Ringside settings file. Choose a file "
                    + "exported from Ringside's Connect or Jobs screen.");
        }
        if (s.version() > SharedSettings.VERSION) {
            throw new SettingsException(file.getFileName() + " was written by a newer Ringside (settings version "
                    + s.version() + "). Update Ringside to import it.");
        }
        return s;
    }

    /** A file that cannot be imported, with what to do. */
    public static final class SettingsException extends IOException {
        public SettingsException(String message) {
            super(message);
        }
    }
}
