package dev.ringside.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A Spark installation for tests, as "Run on Spark…" finds one: a {@code bin/spark-submit} that runs Spark's own
 * {@code org.apache.spark.deploy.SparkSubmit} on this test run's classpath (the module's Spark and connector), with
 * the JVM flags Spark's launcher gives on Java 17; and the job jar built from the module's classes, as
 * {@code mvn package} builds {@code ringside-spark.jar} (which does not exist yet while the tests run).
 *
 * @param home   the Spark home to choose in the window
 * @param jobJar the job's jar
 */
public record SparkTestHome(Path home, Path jobJar) {

    public static SparkTestHome create(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("home").resolve("bin"));
        Path submit = bin.resolve("spark-submit");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String opens = System.getProperty("spark.java17.opens", "");
        Files.writeString(submit, "#!/bin/sh\n"
                + "# spark-submit of a test Spark home: Spark's SparkSubmit on the test run's classpath.\n"
                + "exec " + quote(java) + " -Xmx768m " + opens + " -cp " + quote(classpath)
                + " org.apache.spark.deploy.SparkSubmit \"$@\"\n");
        if (!submit.toFile().setExecutable(true)) {
            throw new IOException("Cannot make " + submit + " executable");
        }
        return new SparkTestHome(dir.resolve("home"), jobJar(dir.resolve("ringside-spark.jar")));
    }

    /** The module's compiled classes as a jar whose entry point is the job's. */
    private static Path jobJar(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(RingsideJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RingsideJob.class.getName());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
