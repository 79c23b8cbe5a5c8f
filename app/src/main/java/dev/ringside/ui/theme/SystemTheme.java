package dev.ringside.ui.theme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop uses a dark theme, as each OS says it: GNOME's colour scheme or GTK theme through
 * {@code gsettings} (or {@code GTK_THEME}) on Linux, {@code AppsUseLightTheme} in the registry on Windows, and
 * {@code AppleInterfaceStyle} on macOS. Anything unknown is light. It runs commands: call it off the UI thread.
 */
public final class SystemTheme {

    /** Runs a command and returns its standard output, or nothing if it cannot run or fails. */
    @FunctionalInterface
    public interface Commands {
        Optional<String> output(List<String> command);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);

    private final String os;
    private final Map<String, String> env;
    private final Commands commands;

    public SystemTheme(String os, Map<String, String> env, Commands commands) {
        this.os = os.toLowerCase(Locale.ROOT);
        this.env = env;
        this.commands = commands;
    }

    /** The running system's. */
    public static SystemTheme current() {
        return new SystemTheme(System.getProperty("os.name", ""), System.getenv(), SystemTheme::run);
    }

    public boolean isDark() {
        boolean dark;
        if (os.contains("win")) {
            dark = commands.output(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(SystemTheme::windowsDark).orElse(false);
        } else if (os.contains("mac")) {
            // Prints "Dark" in dark mode; in light mode the key is missing and the command fails.
            dark = commands.output(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(s -> s.trim().equalsIgnoreCase("dark")).orElse(false);
        } else {
            dark = linuxDark();
        }
        LOG.debug("The desktop's theme is {}", dark ? "dark" : "light");
        return dark;
    }

    private boolean linuxDark() {
        Optional<String> scheme = commands.output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.map(s -> s.contains("prefer-dark")).orElse(false)) {
            return true;
        }
        if (scheme.map(s -> s.contains("prefer-light")).orElse(false)) {
            return false;
        }
        // Older desktops (and 'default') say it only in the GTK theme's name: Adwaita-dark, Yaru-dark …
        String gtkTheme = env.getOrDefault("GTK_THEME", "");
        if (gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return commands.output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(s -> s.toLowerCase(Locale.ROOT).contains("dark")).orElse(false);
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} means dark. */
    static boolean windowsDark(String regOutput) {
        for (String line : regOutput.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                String[] parts = line.trim().split("\\s+");
                return parts[parts.length - 1].equalsIgnoreCase("0x0");
            }
        }
        return false;
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroy();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("Cannot ask the desktop for its theme ({}): {}", command.get(0), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
