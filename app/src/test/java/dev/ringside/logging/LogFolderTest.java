package dev.ringside.logging;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogFolderTest {

    @Test
    void linuxUsesTheXdgStateFolder() {
        assertThat(LogFolder.of("Linux", Map.of(), "/home/ana", null).path()).isEqualTo(Path.of("/home/ana/.local/state/ringside"));
        assertThat(LogFolder.of("Linux", Map.of("XDG_STATE_HOME", "/xdg/state"), "/home/ana", null).path())
                .isEqualTo(Path.of("/xdg/state/ringside"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(LogFolder.of("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ana/AppData/Local"), "/c/Users/ana", null).path())
                .isEqualTo(Path.of("/c/Users/ana/AppData/Local", "Ringside", "logs"));
        assertThat(LogFolder.of("Windows 11", Map.of(), "/c/Users/ana", null).path())
                .isEqualTo(Path.of("/c/Users/ana", "AppData", "Local", "Ringside", "logs"));
    }

    @Test
    void macOsUsesLibraryLogs() {
        assertThat(LogFolder.of("Mac OS X", Map.of(), "/Users/ana", null).path()).isEqualTo(Path.of("/Users/ana/Library/Logs/Ringside"));
    }

    @Test
    void theSystemPropertyWins() {
        LogFolder folder = LogFolder.of("Mac OS X", Map.of(), "/Users/ana", "/tmp/logs");
        assertThat(folder.path()).isEqualTo(Path.of("/tmp/logs"));
        assertThat(folder.file()).isEqualTo(Path.of("/tmp/logs/ringside.log"));
    }
}
