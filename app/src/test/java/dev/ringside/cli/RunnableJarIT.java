package dev.ringside.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged {@code target/ringside.jar}, run as a user runs it (after {@code mvn package}). */
class RunnableJarIT {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("ringside.jar", "target/ringside.jar"));
        assertThat(jar).exists();
        // The log file goes under target/, not into the user's own log folder.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dringside.log.dir=" + Path.of("target", "it-logs").toAbsolutePath(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ringside-out", ".txt");
        Path err = Files.createTempFile("ringside-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("ringside " + String.join(" ", args) + " hung");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsItsVersion() throws Exception {
        Result r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Ringside 0.");
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("count").contains("sandbox").contains("demo");
    }

    @Test
    void unreachableClusterIsBadInputWithOneLine() throws Exception {
        Result r = run("count", "--host", "127.0.0.1", "--port", "1", "--keyspace", "k", "--table", "t");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("Cannot connect to Cassandra at 127.0.0.1:1").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void badOptionValueIsBadUsage() throws Exception {
        Result r = run("count", "--keyspace", "k", "--table", "t", "--splits", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--splits must be between 1 and 100,000 (got 0)");
    }
}
