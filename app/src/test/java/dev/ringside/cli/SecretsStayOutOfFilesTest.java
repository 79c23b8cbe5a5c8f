package dev.ringside.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.app.ClusterConnection;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportEngine;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.DefaultRowFileWriters;
import dev.ringside.testing.Histories;
import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.connect.ConnectViewModel;
import dev.ringside.ui.connect.ProfileStore;
import dev.ringside.ui.count.CountViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password used for a whole authenticated session of work — CLI count and export, a wrong password, an
 * interrupted export that leaves a checkpoint, the app's connect screen with "remember password", a count kept in
 * the job history, a failure shown to the user — appears in none of what Ringside wrote: printed output, the test
 * log, output files, checkpoints, profiles, history.
 */
@ExtendWith(TlsSandboxExtension.class)
class SecretsStayOutOfFilesTest {

    @TempDir
    Path dir;

    @Test
    void thePasswordIsInNothingRingsideWrote(TlsSandbox sandbox) throws Exception {
        String user = "secrets_tester";
        String secret = "Pw-" + UUID.randomUUID();
        CqlSession admin = sandbox.session();
        admin.execute("CREATE ROLE IF NOT EXISTS " + user + " WITH PASSWORD = '" + secret + "' AND LOGIN = true AND SUPERUSER = true");
        admin.execute("ALTER ROLE " + user + " WITH PASSWORD = '" + secret + "'");
        admin.execute("CREATE KEYSPACE IF NOT EXISTS secrets WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        admin.execute("CREATE TABLE IF NOT EXISTS secrets.t (id uuid PRIMARY KEY, n bigint, t text, d double, ts timestamp)");
        admin.checkSchemaAgreement();
        dev.ringside.engine.export.ExportEngineTestAccess.fill(admin, "secrets.t", 20_000);

        Path out = Files.createDirectories(dir.resolve("out"));
        Path config = Files.createDirectories(dir.resolve("config"));
        Path passwordFile = dir.resolve("password");
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, secret + "\n");
        Path wrongFile = dir.resolve("wrong");
        Files.createFile(wrongFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(wrongFile, secret + "-wrong\n");

        List<String> printed = new ArrayList<>();
        List<String> common = List.of("--host", sandbox.host(), "--user", user, "--tls-ca", sandbox.caPem().toString(),
                "--keyspace", "secrets", "--table", "t");
        CliRun count = cli(common, "count", "--password-file", passwordFile.toString(), "--verbose");
        assertThat(count.exitCode()).as(count.err()).isZero();
        CliRun export = cli(common, "export", "--password-file", passwordFile.toString(), "--out", out.resolve("t.csv").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        CliRun wrong = cli(common, "count", "--password-file", wrongFile.toString(), "--verbose");
        assertThat(wrong.exitCode()).isEqualTo(2);
        for (CliRun run : List.of(count, export, wrong)) {
            printed.add(run.out());
            printed.add(run.err());
        }

        // An export interrupted half-way keeps its checkpoint beside the output.
        ConnectionSettings settings = sandbox.connectionSettings().withCredentials(user, secret);
        try (CqlSession session = new SessionFactory().open(settings)) {
            List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
            ExportRequest request = new ExportRequest("secrets", "t", List.of(), null,
                    RangeJobOptions.defaults().withSplits(64), CsvOptions.defaults(), out.resolve("cancelled.csv"), 1,
                    500, 2_000, false, false, Duration.ofMillis(100));
            JobHandle<ExportResult> handle = new ExportEngine(session, new DefaultRowFileWriters()).start(request, progress::add);
            while (progress.isEmpty() || progress.get(progress.size() - 1).rows() < 1_000) {
                Thread.sleep(50);
            }
            handle.cancel();
            ExportResult cancelled = handle.result().get();
            assertThat(cancelled.checkpoint()).exists();
        }

        // The app: remembered password, a connection, a failure shown, a count in the history.
        List<ClusterConnection> connected = new ArrayList<>();
        ConnectViewModel connect = new ConnectViewModel(DriverClusterConnection.connector(), new SyncTaskRunner(),
                new ProfileStore(new AppFiles(config)), connected::add);
        connect.contactPoints().hostsProperty().set(sandbox.host());
        connect.tls().caCertificate().textProperty().set(sandbox.caPem().toString());
        connect.auth().userProperty().set(user);
        connect.auth().passwordProperty().set(secret + "-wrong");
        connect.testConnection();
        assertThat(connect.statusIsErrorProperty().get()).isTrue();
        printed.add(connect.statusProperty().get());
        connect.auth().passwordProperty().set(secret);
        connect.auth().rememberPasswordProperty().set(true);
        connect.profiles().nameProperty().set("tls");
        connect.saveProfile();
        connect.connect();
        printed.add(connect.statusProperty().get());
        assertThat(connected).hasSize(1);
        Session session = new Session();
        session.connectionProperty().set(connected.get(0));
        try {
            CountViewModel countVm = new CountViewModel(session, new SyncTaskRunner(), Histories.in(config),
                    new dev.ringside.ui.common.Prompter() {
                        @Override
                        public boolean confirm(String title, String message) {
                            return false;
                        }

                        @Override
                        public void error(String title, String message, Throwable details) {
                            printed.add(title + ": " + message);
                        }
                    });
            session.tableProperty().set(new TableRef("secrets", "t"));
            countVm.start();
            assertThat(countVm.exactCountProperty().get()).isEqualTo(20_000);
        } finally {
            session.connectionProperty().set(null);
        }

        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(out), Files.walk(config))) {
            files.filter(Files::isRegularFile).forEach(written::add);
        }
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("t.csv", "profiles.json", "history.json", "secret.key")
                .anyMatch(name -> name.contains("checkpoint"));
        Path log = Path.of("target/test.log");
        if (Files.isRegularFile(log)) {
            written.add(log);
        }
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        for (Path file : written) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as("the password in %s", file).isEqualTo(-1);
        }
        for (String text : printed) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private static CliRun cli(List<String> common, String command, String... extra) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(common);
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
