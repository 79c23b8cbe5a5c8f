package dev.ringside.ui.export;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.app.DriverClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.engine.export.ExportEngineTestAccess;
import dev.ringside.sink.ExportFormat;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.Histories;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export screen's Resume after the user confirmed replacing an existing file, without a stage but on the real
 * engine and sandbox: only a real export leaves a real checkpoint and {@code .partial} file beside the file it is
 * replacing, and the replaced file must stay until the resumed export completes. {@link ExportViewModelResumeTest}
 * checks the screen's side of it without a cluster.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportViewModelResumeSandboxTest {

    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final Session session = new Session();
    private final List<String> errors = new ArrayList<>();
    private SharedSandbox sandbox;
    @TempDir
    Path dir;

    @BeforeAll
    void connect(SharedSandbox sandbox) throws Exception {
        this.sandbox = sandbox;
        CqlSession s = sandbox.session();
        sandbox.recreateKeyspace("vmresume", 1);
        s.execute("CREATE TABLE vmresume.events (id uuid, n bigint, t text, d double, ts timestamp, PRIMARY KEY (id))");
        s.checkSchemaAgreement();
        for (int attempt = 1; ; attempt++) {
            try {
                ExportEngineTestAccess.fill(s, "vmresume.events", 20_000); // idempotent: same seed, same rows
                break;
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        session.connectionProperty().set(DriverClusterConnection.connector().connect(sandbox.connectionSettings()));
    }

    @AfterAll
    void close() {
        session.connectionProperty().set(null);
    }

    @Test
    void resumeAfterConfirmingReplaceFinishesTheExport() throws Exception {
        Prompter yes = new Prompter() {
            @Override
            public boolean confirm(String title, String message) {
                return true;
            }

            @Override
            public void error(String title, String message, Throwable details) {
                errors.add(title + ": " + message);
            }
        };
        ExportViewModel export = new ExportViewModel(session, runner, Histories.in(dir.resolve("config")), yes, p -> { });
        session.tableProperty().set(new TableRef("vmresume", "events"));
        export.formatProperty().set(ExportFormat.CSV);
        Path out = Files.writeString(dir.resolve("events.csv"), "keep me until the export is complete");
        export.outputProperty().set(out.toString());
        export.maxRowsPerSecondProperty().set(4_000);

        // Cancel once the export has written part of its file (the synchronous runner blocks start()).
        Path partial = dir.resolve("events.csv.partial");
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            try {
                while (!cancelled.get()) {
                    if (Files.exists(partial) && Files.size(partial) > 0) {
                        export.cancel();
                        cancelled.set(export.statusProperty().get().startsWith("Cancelling"));
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "canceller");
        canceller.setDaemon(true);
        canceller.start();
        export.start();
        canceller.join();
        assertThat(export.statusProperty().get()).startsWith("Export cancelled");
        assertThat(export.canResumeProperty().get()).isTrue();
        assertThat(Files.readString(out)).startsWith("keep me");

        export.resume();
        assertThat(errors).isEmpty();
        assertThat(export.statusProperty().get()).isEqualTo("Export complete.");
        assertThat(export.summaryProperty().get()).startsWith("Exported 20,000 rows of vmresume.events to 1 file");
        ExportChecks.assertSameRows("exported rows",
                ExportChecks.fileRows(ExportChecks.Format.CSV, List.of(out)), ExportChecks.tableRows(sandbox.session(), "vmresume.events"));
    }
}
