package dev.ringside.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the About dialog shows: the version and licence as the build wrote them ({@code version.properties}, from the
 * pom), the Java and JavaFX that run the app, and where its log and settings live.
 *
 * @param licence the pom's licence, or null when the pom names none
 */
public record AboutInfo(String version, String licence, String java, String javafx, Path logFolder, Path configFolder) {

    /** The running app's. */
    public static AboutInfo current(Path logFolder, Path configFolder) {
        Properties build = new Properties();
        try (InputStream in = AboutInfo.class.getResourceAsStream("/dev/ringside/version.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(build, System.getProperties(), logFolder, configFolder);
    }

    /** From the build's properties and the JVM's system properties. */
    static AboutInfo of(Properties build, Properties system, Path logFolder, Path configFolder) {
        String java = system.getProperty("java.version", "unknown") + " (" + system.getProperty("java.vendor", "unknown vendor")
                + (system.getProperty("java.vm.name") != null ? ", " + system.getProperty("java.vm.name") : "") + ")";
        // JavaFX sets javafx.runtime.version when its toolkit starts.
        String javafx = system.getProperty("javafx.runtime.version", system.getProperty("javafx.version", "unknown"));
        return new AboutInfo(build.getProperty("version", "unknown"), stated(build.getProperty("licence")), java, javafx,
                logFolder, configFolder);
    }

    /** A value Maven filtered in; an expression left as it was means the pom has no such field. */
    private static String stated(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.strip();
    }
}
