package dev.ringside.installer;

import dev.ringside.testing.SecretFiles;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.engine.export.ExportEngineTestAccess;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app image and installer that {@code mvn -Pinstaller verify} builds, checked as a user meets them: the installed
 * launcher runs the command line (exit codes, stdout, stderr as with {@code java -jar}), counts a real table exactly,
 * and on Linux the {@code .deb} unpacks with its launcher, icon and menu entry in place. Runs only in that profile.
 */
@EnabledIfSystemProperty(named = "ringside.installer.dir", matches = ".+")
@DisabledIfSystemProperty(named = "ringside.installer.skip", matches = "true", disabledReason = "-Dinstaller.skip=true: no installer was built")
class InstalledAppIT {

    private record Result(int exit, String out, String err) {
    }

    private static final Path INSTALLER_DIR = Path.of(System.getProperty("ringside.installer.dir", "target/installer"));
    private static final String OS = System.getProperty("ringside.installer.os", "linux");
    /** Neither a display nor xvfb-run: the build could not run the window to record its startup classes. */
    private static final boolean NO_DISPLAY = (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank())
            && Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .noneMatch(dir -> Files.isExecutable(Path.of(dir, "xvfb-run")));

    /** The launcher a script calls: the one launcher on Linux and macOS, the console launcher on Windows. */
    private static Path launcher() {
        Path image = INSTALLER_DIR.resolve("image");
        return switch (OS) {
            case "windows" -> image.resolve("Ringside").resolve("ringside-cli.exe");
            case "macos" -> image.resolve("Ringside.app").resolve("Contents").resolve("MacOS").resolve("Ringside");
            default -> image.resolve("ringside").resolve("bin").resolve("ringside");
        };
    }

    private static Result run(Path logDir, String... args) throws IOException, InterruptedException {
        return runWith("", logDir, args);
    }

    /** The launcher with extra JVM options, as the .deb's postinst passes them (through JAVA_TOOL_OPTIONS). */
    private static Result runWith(String jvmOptions, Path logDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ringside-out", ".txt");
        Path err = Files.createTempFile("ringside-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // Keep the test's log out of the user's log folder (the JVM reads JAVA_TOOL_OPTIONS; it says so on stderr).
        builder.environment().put("JAVA_TOOL_OPTIONS", ("-Dringside.log.dir=" + logDir + " " + jvmOptions).strip());
        Process p = builder.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("ringside " + String.join(" ", args) + " hung");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .reduce("", (a, b) -> a + b + "\n");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
    }

    @Test
    void printsItsVersionWithoutJavaFxWarnings(@TempDir Path logs) throws Exception {
        Result r = run(logs, "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Ringside 0.");
        assertThat(r.err()).doesNotContain("unnamed module").doesNotContain("WARNING");
        assertThat(logs.resolve("ringside.log")).content().contains("Ringside 0.");
    }

    @Test
    void anUnwritableLogFolderLeavesStdoutToTheCommandLine(@TempDir Path tmp) throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "");
        Result r = run(notAFolder.resolve("logs"), "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Ringside 0.").doesNotContain("logback").doesNotContain("|-");
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.err()).contains("Ringside logging:");
    }

    @Test
    void helpListsTheCommands(@TempDir Path logs) throws Exception {
        Result r = run(logs, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("count").contains("export");
    }

    @Test
    void badUsageExitsWithTwo(@TempDir Path logs) throws Exception {
        Result r = run(logs, "count", "--keyspace", "k", "--table", "t", "--splits", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--splits must be between 1 and 100,000 (got 0)");
    }

    @Test
    @EnabledIfSystemProperty(named = "ringside.installer.os", matches = "linux", disabledReason =
            "the test sandbox binds 127.0.1.x, which only Linux answers on loopback without set-up")
    @ExtendWith(SandboxExtension.class)
    void countsATableExactly(SharedSandbox sandbox, @TempDir Path tmp) throws Exception {
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("installed", 2);
        session.execute("CREATE TABLE installed.items (id int PRIMARY KEY, name text)");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO installed.items (id, name) VALUES (?, 'n')");
        Inserts.run(session, 10_007, i -> insert.bind((int) i));
        Path password = SecretFiles.write(tmp.resolve("password"), SandboxSettings.PASSWORD + "\n");

        Result r = run(tmp, "count", "--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file",
                password.toString(), "--keyspace", "installed", "--table", "items", "--splits", "64");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("10007");
    }

    /**
     * The installer's jars keep only this OS's native codecs (zstd-jni, snappy-java): each Parquet codec still loads
     * and writes a file equal to the table.
     */
    @Test
    @EnabledIfSystemProperty(named = "ringside.installer.os", matches = "linux", disabledReason =
            "the test sandbox binds 127.0.1.x, which only Linux answers on loopback without set-up")
    @ExtendWith(SandboxExtension.class)
    void exportsParquetWithEachNativeCodec(SharedSandbox sandbox, @TempDir Path tmp) throws Exception {
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("installed_export", 2);
        session.execute("CREATE TABLE installed_export.events (id uuid, n bigint, t text, d double, ts timestamp, PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTestAccess.fill(session, "installed_export.events", 5_000);
        Path password = SecretFiles.write(tmp.resolve("password"), SandboxSettings.PASSWORD + "\n");
        List<String> table = ExportChecks.tableRows(session, "installed_export.events");
        for (String codec : List.of("snappy", "zstd")) {
            Path out = tmp.resolve("events-" + codec + ".parquet");
            Result r = run(tmp, "export", "--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file",
                    password.toString(), "--keyspace", "installed_export", "--table", "events", "--out", out.toString(),
                    "--compression", codec);
            assertThat(r.exit()).as(codec + ": " + r.err()).isZero();
            ExportChecks.assertSameRows(codec + " Parquet", ExportChecks.fileRows(ExportChecks.Format.PARQUET, List.of(out)), table);
        }
    }

    /** The installed app leaves the sandbox out (its Maven libraries fetch Cassandra), and says so. */
    @Test
    void theSandboxSaysItNeedsABuild(@TempDir Path tmp) throws Exception {
        for (String[] command : List.of(new String[] {"sandbox", "up", "--dir", tmp.resolve("sandbox").toString()},
                new String[] {"demo", "--dir", tmp.resolve("demo").toString()})) {
            Result r = run(tmp, command);
            assertThat(r.exit()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("The installed app has no sandbox").contains("build from source")
                    .doesNotContain("Exception");
        }
    }

    /**
     * Linux: the build recorded the classes the first window loads, and the command the .deb's postinst runs with them
     * makes a class-data-sharing archive that the launcher maps ({@code -Xshare:on} fails the start otherwise).
     */
    @Test
    @EnabledIfSystemProperty(named = "ringside.installer.os", matches = "linux")
    void theStartupClassListMakesAnArchiveTheLauncherMaps(@TempDir Path tmp) throws Exception {
        Path classList = INSTALLER_DIR.resolve("image/ringside/lib/app/startup.classlist");
        Assumptions.assumeTrue(Files.exists(classList) || !NO_DISPLAY,
                "No startup class list: the build had no display and no xvfb-run (Debian: sudo apt install xvfb)");
        assertThat(classList).content().contains("dev/ringside/ui/RingsideApp").contains("javafx/scene/control/Button");
        Path archive = tmp.resolve("startup.jsa");

        Result dump = runWith("-Xshare:dump -XX:SharedClassListFile=" + classList + " -XX:SharedArchiveFile=" + archive, tmp);
        assertThat(dump.exit()).as(dump.err()).isZero();
        assertThat(archive).isNotEmptyFile();
        Result mapped = runWith("-Xshare:on -XX:SharedArchiveFile=" + archive, tmp, "--version");
        assertThat(mapped.exit()).as(mapped.err()).isZero();
        assertThat(mapped.out()).startsWith("Ringside 0.");
    }

    @Test
    @EnabledIfSystemProperty(named = "ringside.installer.os", matches = "linux")
    void debUnpacksWithLauncherIconMenuEntryLicenceAndStartupArchive(@TempDir Path root) throws Exception {
        String missing = System.getProperty("ringside.installer.deb.missing", "");
        Assumptions.assumeTrue(missing.isBlank(), () -> "No .deb was built: " + missing
                + " is missing (jpackage needs dpkg-deb and fakeroot; Debian: sudo apt install dpkg-dev fakeroot)");
        Path deb;
        try (Stream<Path> files = Files.list(INSTALLER_DIR)) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Process unpack = new ProcessBuilder("dpkg-deb", "-x", deb.toString(), root.toString()).inheritIO().start();
        assertThat(unpack.waitFor()).isZero();
        Path app = root.resolve("opt/ringside");
        assertThat(app.resolve("bin/ringside")).isExecutable();
        assertThat(app.resolve("lib/ringside.png")).hasSameBinaryContentAs(Path.of("../assets/icon/ringside-256.png"));
        Path desktop = app.resolve("lib/ringside-ringside.desktop");
        assertThat(desktop).content()
                .contains("Name=Ringside")
                .contains("Exec=/opt/ringside/bin/ringside")
                .contains("Icon=/opt/ringside/lib/ringside.png")
                .contains("Categories=Development;Database;");

        Process info = new ProcessBuilder("dpkg-deb", "--field", deb.toString(), "Maintainer", "Section", "Depends")
                .redirectErrorStream(true).start();
        String fields = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(info.waitFor()).isZero();
        assertThat(fields).contains("Maintainer: Ringside <maintainers@ringside.dev>").contains("Section: database")
                .contains("libgtk-3-0");

        assertThat(root.resolve("opt/ringside/share/doc/copyright")).content()
                .contains("Copyright: Copyright 2026 the Ringside authors")
                .contains(Files.readString(Path.of("../LICENSE"), StandardCharsets.UTF_8).strip());
        Process postinst = new ProcessBuilder("dpkg-deb", "--info", deb.toString(), "postinst").redirectErrorStream(true).start();
        String script = new String(postinst.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(postinst.waitFor()).isZero();
        assertThat(script).contains("-XX:SharedClassListFile=/opt/ringside/lib/app/startup.classlist");
    }
}
