package dev.ringside.cli;

import dev.ringside.testing.SecretFiles;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringside export} as a user runs it. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {

    private SharedSandbox sandbox;
    private Path passwordFile;
    @TempDir
    Path dir;

    @BeforeAll
    void setUp(SharedSandbox sandbox, @TempDir Path tmp) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("cliexp", 1);
        session.execute("CREATE TABLE cliexp.t (id uuid PRIMARY KEY, n bigint, t text, d double, ts timestamp)");
        session.checkSchemaAgreement();
        dev.ringside.engine.export.ExportEngineTestAccess.fill(session, "cliexp.t", 5_000);
        passwordFile = SecretFiles.write(tmp.resolve("password"), SandboxSettings.PASSWORD);
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("export", "--host", sandbox.host(), "--user", SandboxSettings.USER,
                "--password-file", passwordFile.toString(), "--keyspace", "cliexp", "--table", "t", "--quiet"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void exportsAndPrintsASummary() throws Exception {
        Path out = dir.resolve("t.parquet");
        CliRun run = CliRun.of(args("--out", out.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Exported 5,000 rows of cliexp.t to " + out.toAbsolutePath());
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(ExportChecks.Format.PARQUET, List.of(out)), ExportChecks.tableRows(sandbox.session(), "cliexp.t"));
    }

    @Test
    void jsonSummaryIsOneLine() throws Exception {
        Path out = dir.resolve("t.jsonl");
        CliRun run = CliRun.of(args("--out", out.toString(), "--files", "2", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(json.get("rows").asLong()).isEqualTo(5000);
        assertThat(json.get("files").size()).isEqualTo(2);
        assertThat(json.get("bytes").asLong()).isPositive();
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(json.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(json.get("failedRanges").asInt()).isZero();
    }

    @Test
    void existingFileNeedsOverwrite() throws Exception {
        Path out = Files.writeString(dir.resolve("exists.csv"), "keep me");
        CliRun run = CliRun.of(args("--out", out.toString()));
        assertBadInput(run, "already exists. Add --overwrite");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("exists.csv."))).isEmpty();
        CliRun again = CliRun.of(args("--out", out.toString(), "--overwrite"));
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(out)).startsWith("\"id\",\"d\",\"n\",\"t\",\"ts\"");
    }

    @Test
    void unknownColumnIsBadInput() {
        assertBadInput(CliRun.of(args("--out", dir.resolve("c.csv").toString(), "--columns", "id,nope")),
                "Unknown column 'nope' in cliexp.t");
    }

    @Test
    void missingFolderIsBadInput() {
        assertBadInput(CliRun.of(args("--out", dir.resolve("no/such/folder/x.csv").toString())),
                "does not exist. Create it or choose another --out.");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void unwritableFolderIsBadInput() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(folder) || canCreateIn(folder)) {
                folder = Path.of("/proc"); // root writes anywhere it has permission bits for; not in /proc
            }
            Path out = folder.resolve("x.csv");
            assertBadInput(CliRun.of(args("--out", out.toString())), "Cannot write to the folder " + folder);
            assertThat(out).doesNotExist();
            assertThat(Files.list(folder).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("x.csv"))).isEmpty();
        } finally {
            Files.setPosixFilePermissions(dir.resolve("read-only"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * A real full disk, checked by hand: {@code mount -t tmpfs -o size=2m tmpfs /tmp/tiny}, then run this test with
     * {@code -Dringside.test.tinyFs=/tmp/tiny}. A filler file leaves 64 KB free, less than the export needs.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "ringside.test.tinyFs", matches = ".+")
    void aFullDiskEndsWithAClearMessageAndResumeFinishesOnceThereIsRoom() throws Exception {
        Path tiny = Path.of(System.getProperty("ringside.test.tinyFs"));
        Path folder = Files.createTempDirectory(tiny, "export");
        Path filler = folder.resolve("filler");
        long free = Files.getFileStore(folder).getUsableSpace();
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(4096);
            for (long left = free - 64 * 1024; left > 0; left -= 4096) {
                block.clear();
                channel.write(block);
            }
        }
        Path out = folder.resolve("t.csv");
        CliRun full = CliRun.of(args("--out", out.toString()));
        assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
        assertThat(full.err()).contains("No space left on device").contains("--resume").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Files.delete(filler);
        CliRun resumed = CliRun.of(args("--out", out.toString(), "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(ExportChecks.Format.CSV, List.of(out)), ExportChecks.tableRows(sandbox.session(), "cliexp.t"));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("t.csv");
        }
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void badOptionValuesAreBadInput() {
        assertBadInput(CliRun.of(args("--out", dir.resolve("f.csv").toString(), "--files", "0")), "--files must be between 1");
        assertBadInput(CliRun.of(args("--out", dir.resolve("f.csv").toString(), "--format", "xml")), "Unknown format 'xml'");
        assertBadInput(CliRun.of(args("--out", dir.resolve("f.parquet").toString(), "--compression", "lzma")), "Unknown Parquet --compression");
    }

    @Test
    void filterNeedingAllowFilteringSaysSo() {
        assertBadInput(CliRun.of(args("--out", dir.resolve("w.csv").toString(), "--where", "n > 0")), "ALLOW FILTERING");
        CliRun ok = CliRun.of(args("--out", dir.resolve("w.csv").toString(), "--where", "n > 0 ALLOW FILTERING"));
        assertThat(ok.exitCode()).as(ok.err()).isZero();
    }

    @Test
    void resumeWithoutCheckpointIsBadInput() {
        assertBadInput(CliRun.of(args("--out", dir.resolve("r.csv").toString(), "--resume")), "Nothing to resume");
    }

    private static void assertBadInput(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).isLessThanOrEqualTo(2);
    }
}
