package dev.ringside.app.spark.run;

import dev.ringside.app.history.JobKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the job's driver printed. The job prints its result only when the whole job succeeded (a count's number, an
 * export's "Exported N rows …"), and its reason on stderr as "ringside-spark: …" when it did not: so a short number is
 * never taken for a result.
 */
final class DriverOutput {

    private static final Pattern COUNT = Pattern.compile("\\s*(\\d+)\\s*");
    private static final Pattern EXPORTED = Pattern.compile("Exported (\\d+) rows.*");
    private static final String JOB_PREFIX = "ringside-spark: ";

    private DriverOutput() {
    }

    /** The rows of a whole result in {@code stdout}, if the job printed one. */
    static OptionalLong result(JobKind kind, Path stdout) {
        for (String line : reversed(lines(stdout))) {
            Matcher m = (kind == JobKind.COUNT ? COUNT : EXPORTED).matcher(line);
            if (m.matches()) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        return OptionalLong.empty();
    }

    /** The job's own last word on a failure, else the last error line of spark-submit's log; empty for none. */
    static String failure(Path stderr) {
        List<String> lines = lines(stderr);
        for (String line : reversed(lines)) {
            if (line.startsWith(JOB_PREFIX)) {
                return line.substring(JOB_PREFIX.length());
            }
        }
        for (String line : reversed(lines)) {
            if (line.contains("Exception") || line.contains(" ERROR ") || line.startsWith("Error")) {
                return line.strip();
            }
        }
        return "";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> reversed(List<String> lines) {
        List<String> copy = new java.util.ArrayList<>(lines);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
