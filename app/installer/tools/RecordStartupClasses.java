import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Build-time tool: records the classes the installed app loads until its first window shows
 * ({@code -XX:DumpLoadedClassList}), for the class-data-sharing archive that the Linux .deb makes when it is installed
 * (installer/linux/resources/postinst). With that archive the JVM maps those classes instead of reading and
 * verifying them, and the window shows sooner. The archive itself cannot be made here: on JDK 17 it maps only from
 * the folder it was made in.
 *
 * <p>Usage: {@code java RecordStartupClasses.java <launcher> <class list>}. It runs the app image's launcher with no
 * argument on the display in {@code DISPLAY}, or under {@code xvfb-run} when there is none, with a scratch home (the
 * build user's settings stay untouched), waits for the app's "Window shown" log line, then closes the app with
 * SIGTERM (an orderly exit, which completes the list). Without a display and without xvfb-run it says so and records
 * nothing: the .deb then installs without the archive and starts as before. It fails if the window does not show.
 */
public final class RecordStartupClasses {

    private static final long TIMEOUT_MINUTES = 5;

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("Usage: RecordStartupClasses <launcher> <class list>");
            System.exit(2);
        }
        Path launcher = Path.of(args[0]);
        Path classList = Path.of(args[1]).toAbsolutePath();
        List<String> command = new ArrayList<>();
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            Path xvfbRun = onPath("xvfb-run");
            if (xvfbRun == null) {
                System.out.println("RecordStartupClasses: no display and no xvfb-run, so no startup class list: the .deb"
                        + " will install without its startup archive. Install Xvfb (Debian: sudo apt install xvfb) to"
                        + " record it.");
                return;
            }
            command.addAll(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher.toString());

        Path scratch = Files.createTempDirectory("ringside-startup");
        try {
            record(command, classList, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void record(List<String> command, Path classList, Path scratch) throws IOException, InterruptedException {
        Path log = scratch.resolve("logs").resolve("ringside.log");
        Path output = scratch.resolve("launcher-output.txt");
        Files.deleteIfExists(classList);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + classList + " -Dringside.log.dir=" + log.getParent());
        env.put("HOME", scratch.toString());
        env.put("XDG_CONFIG_HOME", scratch.resolve("config").toString());
        env.put("XDG_STATE_HOME", scratch.resolve("state").toString());
        Process app = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        boolean shown = false;
        while (!shown && app.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            shown = Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("Window shown");
        }
        // The launcher runs the JVM in its own process; under xvfb-run it is a child of the script.
        app.descendants().filter(p -> p.info().command().map(c -> c.endsWith("ringside")).orElse(false))
                .forEach(ProcessHandle::destroy);
        app.destroy();
        if (!app.waitFor(1, TimeUnit.MINUTES)) {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly().waitFor();
        }
        if (!shown) {
            System.err.println(Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "");
            throw new IllegalStateException("The app's window did not show within " + TIMEOUT_MINUTES
                    + " minutes (no \"Window shown\" in its log), so no startup class list was recorded");
        }
        long classes;
        try (Stream<String> lines = Files.lines(classList)) {
            classes = lines.filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
        }
        System.out.println("RecordStartupClasses: " + classes + " classes loaded before the first window, in " + classList);
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
