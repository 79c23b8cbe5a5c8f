package dev.ringside.ui.common;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The config folder follows each OS's convention; the OS name, environment and home are given, not read. */
class AppFilesTest {

    private static final String HOME = "/home/ana";

    @Test
    void linuxUsesXdgConfigHomeOrDotConfig() {
        assertThat(AppFiles.configDir("Linux", Map.of(), HOME, null)).isEqualTo(Path.of(HOME, ".config", "ringside"));
        assertThat(AppFiles.configDir("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), HOME, null)).isEqualTo(Path.of("/xdg", "ringside"));
        assertThat(AppFiles.configDir("FreeBSD", Map.of("XDG_CONFIG_HOME", ""), HOME, null)).isEqualTo(Path.of(HOME, ".config", "ringside"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(AppFiles.configDir("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), "/Users/ana", null))
                .isEqualTo(Path.of("/Users/ana", "Library", "Application Support", "Ringside"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(AppFiles.configDir("Windows 11", Map.of("APPDATA", "C:/Users/ana/AppData/Roaming"), "C:/Users/ana", null))
                .isEqualTo(Path.of("C:/Users/ana/AppData/Roaming", "Ringside"));
        assertThat(AppFiles.configDir("Windows 10", Map.of(), "C:/Users/ana", null))
                .isEqualTo(Path.of("C:/Users/ana", "AppData", "Roaming", "Ringside"));
    }

    @Test
    void theOverrideWinsOnEveryOs() {
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
            assertThat(AppFiles.configDir(os, Map.of("APPDATA", "/a", "XDG_CONFIG_HOME", "/x"), HOME, "/tmp/cfg"))
                    .isEqualTo(Path.of("/tmp/cfg"));
        }
        assertThat(AppFiles.configDir("Linux", Map.of(), HOME, " ")).isEqualTo(Path.of(HOME, ".config", "ringside"));
    }
}
