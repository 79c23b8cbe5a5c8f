package dev.ringside.ui.theme;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop's theme from each OS's answer, with the commands faked. */
class SystemThemeTest {

    private static SystemTheme.Commands answers(Map<String, String> byLastWord) {
        return command -> Optional.ofNullable(byLastWord.get(command.get(command.size() - 1)));
    }

    @Test
    void gnomeSaysItInItsColourSchemeOrItsGtkTheme() {
        assertThat(new SystemTheme("Linux", Map.of(), answers(Map.of("color-scheme", "'prefer-dark'\n"))).isDark()).isTrue();
        assertThat(new SystemTheme("Linux", Map.of(), answers(Map.of("color-scheme", "'prefer-light'\n",
                "gtk-theme", "'Adwaita-dark'"))).isDark()).isFalse();
        assertThat(new SystemTheme("Linux", Map.of(), answers(Map.of("color-scheme", "'default'\n",
                "gtk-theme", "'Yaru-dark'\n"))).isDark()).isTrue();
        assertThat(new SystemTheme("Linux", Map.of(), answers(Map.of("color-scheme", "'default'\n",
                "gtk-theme", "'Adwaita'\n"))).isDark()).isFalse();
        assertThat(new SystemTheme("Linux", Map.of("GTK_THEME", "Adwaita:dark"), answers(Map.of())).isDark()).isTrue();
    }

    @Test
    void withoutAnAnswerTheThemeIsLight() {
        assertThat(new SystemTheme("Linux", Map.of(), answers(Map.of())).isDark()).isFalse();
        assertThat(new SystemTheme("Windows 11", Map.of(), answers(Map.of())).isDark()).isFalse();
        assertThat(new SystemTheme("Mac OS X", Map.of(), answers(Map.of())).isDark()).isFalse();
        assertThat(new SystemTheme("FreeBSD", new HashMap<>(), command -> Optional.empty()).isDark()).isFalse();
    }

    @Test
    void windowsSaysItInTheRegistry() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(new SystemTheme("Windows 10", Map.of(), answers(Map.of("AppsUseLightTheme", dark))).isDark()).isTrue();
        assertThat(new SystemTheme("Windows 10", Map.of(), answers(Map.of("AppsUseLightTheme", dark.replace("0x0", "0x1"))))
                .isDark()).isFalse();
    }

    @Test
    void macOsSaysItInItsDefaults() {
        assertThat(new SystemTheme("Mac OS X", Map.of(), answers(Map.of("AppleInterfaceStyle", "Dark\n"))).isDark()).isTrue();
    }

    @Test
    void aRememberedChoiceIsReadBackAndAnOldFileKeepsItsDarkSwitch() {
        assertThat(ThemeChoice.of("SYSTEM", false)).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(ThemeChoice.of("dark", false)).isEqualTo(ThemeChoice.DARK);
        assertThat(ThemeChoice.of(null, true)).isEqualTo(ThemeChoice.DARK);
        assertThat(ThemeChoice.of(null, false)).isEqualTo(ThemeChoice.LIGHT);
        assertThat(ThemeChoice.of("purple", false)).isEqualTo(ThemeChoice.LIGHT);
    }
}
