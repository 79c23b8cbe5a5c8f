package dev.ringside.installer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** installer/tools/StripNatives.java, run as the installer build runs it, on jars laid out like zstd-jni's. */
class StripNativesTest {

    @TempDir
    Path lib;

    @Test
    void keepsThisOsNativeLibraryAndEverythingElse() throws Exception {
        jar("zstd-jni-1.0.jar", "META-INF/MANIFEST.MF", "com/github/luben/zstd/Zstd.class", "linux/amd64/libzstd-jni.so",
                "linux/aarch64/libzstd-jni.so", "darwin/x86_64/libzstd-jni.dylib", "win/amd64/libzstd-jni.dll",
                "aix/ppc64/libzstd-jni.a", "linux/amd64/README.txt");
        jar("other-1.0.jar", "lib/x.so");

        Result r = strip("zstd-jni-*.jar=linux/amd64/");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(entries("zstd-jni-1.0.jar")).containsExactly("META-INF/MANIFEST.MF",
                "com/github/luben/zstd/Zstd.class", "linux/amd64/libzstd-jni.so", "linux/amd64/README.txt");
        assertThat(read("zstd-jni-1.0.jar", "linux/amd64/libzstd-jni.so")).isEqualTo("linux/amd64/libzstd-jni.so");
        assertThat(entries("other-1.0.jar")).containsExactly("lib/x.so");
        assertThat(r.output()).contains("zstd-jni-1.0.jar: kept 1 native library in linux/amd64/, dropped 4 of other OSes");
    }

    @Test
    void failsRatherThanShipAJarWithoutThisOsLibrary() throws Exception {
        jar("snappy-java-1.0.jar", "org/xerial/snappy/native/Mac/aarch64/libsnappyjava.dylib");
        Result r = strip("snappy-java-*.jar=org/xerial/snappy/native/Linux/x86_64/");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("has no native library in org/xerial/snappy/native/Linux/x86_64/");
        assertThat(entries("snappy-java-1.0.jar")).hasSize(1);
    }

    @Test
    void failsWhenARuleMatchesNoJar() throws Exception {
        Result r = strip("jffi-*-native.jar=jni/x86_64-Linux/");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("No jar in").contains("matches jffi-*-native.jar");
    }

    private record Result(int exit, String output) {
    }

    private Result strip(String... rules) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "installer/tools/StripNatives.java", lib.toString()));
        Collections.addAll(command, rules);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** A jar whose entries hold their own names. */
    private void jar(String name, String... entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(lib.resolve(name)); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write(e.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private List<String> entries(String jar) throws IOException {
        try (ZipFile zip = new ZipFile(lib.resolve(jar).toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private String read(String jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(lib.resolve(jar).toFile())) {
            return new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
