package dev.ringside.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What Maven itself would read to find its repositories: the user's settings ({@code ~/.m2/settings.xml}, or
 * {@code -Dringside.maven.settings}), the installation's global settings ({@code ${maven.home}/conf/settings.xml}
 * when {@code maven.home} is set), {@code -Dmaven.repo.local}, and the properties and environment variables that
 * settings may refer to as {@code ${user.home}} or {@code ${env.NAME}}.
 *
 * @param userSettings   the user settings file (it need not exist)
 * @param globalSettings the global settings file, or null when there is no Maven installation to take it from
 * @param home           the user's home folder, for the default local repository {@code ~/.m2/repository}
 * @param repoLocal      {@code -Dmaven.repo.local}, or null
 * @param properties     system properties and {@code env.}-prefixed environment variables, for interpolation
 */
public record MavenEnvironment(Path userSettings, Path globalSettings, Path home, String repoLocal, Properties properties) {

    /** The system property naming another user settings file. */
    public static final String SETTINGS_PROPERTY = "ringside.maven.settings";

    /** The environment of this JVM. */
    public static MavenEnvironment current() {
        return of(System.getProperties(), System.getenv());
    }

    /** The environment that the given system properties and variables describe. */
    static MavenEnvironment of(Properties system, Map<String, String> env) {
        Path home = Path.of(system.getProperty("user.home", "."));
        String override = system.getProperty(SETTINGS_PROPERTY);
        Path user = override != null && !override.isBlank() ? Path.of(override) : home.resolve(".m2").resolve("settings.xml");
        String mavenHome = system.getProperty("maven.home");
        Path global = mavenHome != null && !mavenHome.isBlank() ? Path.of(mavenHome, "conf", "settings.xml") : null;
        String repoLocal = system.getProperty("maven.repo.local");
        Properties properties = new Properties();
        properties.putAll(system);
        env.forEach((k, v) -> properties.setProperty("env." + k, v));
        return new MavenEnvironment(user, global, home, repoLocal == null || repoLocal.isBlank() ? null : repoLocal, properties);
    }
}
