package dev.ringside.app.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code ringside-spark.jar} is on this machine, to offer as the job jar: beside the app's own jar (where a
 * user puts it), or, in a build tree, in {@code spark/target} next to {@code app/target}.
 */
public final class SparkJobJar {

    public static final String FILE_NAME = "ringside-spark.jar";

    private final Path appJarFolder;

    /** Looks beside the jar (or class folder) this class was loaded from. */
    public SparkJobJar() {
        this(codeFolder());
    }

    /** @param appJarFolder the folder holding the app's jar; {@code null} when unknown */
    public SparkJobJar(Path appJarFolder) {
        this.appJarFolder = appJarFolder;
    }

    /** The job jar found, if any. */
    public Optional<Path> find() {
        if (appJarFolder == null) {
            return Optional.empty();
        }
        List<Path> places = List.of(appJarFolder.resolve(FILE_NAME),
                appJarFolder.resolveSibling("..").resolve("spark").resolve("target").resolve(FILE_NAME).normalize());
        return places.stream().filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath);
    }

    private static Path codeFolder() {
        try {
            CodeSource source = SparkJobJar.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path code = Path.of(source.getLocation().toURI());
            // A jar's folder; for target/classes (a run from the build tree) its parent, target/.
            return code.getParent();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
