package dev.ringside.ui.export;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.JobState;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.ExportFormat;
import dev.ringside.testing.Histories;
import dev.ringside.testing.RecordingPrompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.job.JobHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export screen's Resume after the user confirmed replacing an existing file, without a stage or a cluster:
 * the resumed request keeps the choice made at Start (the file being replaced still exists) and finishes the export.
 * {@link ExportViewModelResumeSandboxTest} runs the same on the real engine.
 */
class ExportViewModelResumeTest {

    private final RecordingPrompter yes = new RecordingPrompter(true);
    @TempDir
    Path dir;

    @Test
    void resumeAfterConfirmingReplaceFinishesTheExport() throws Exception {
        Session session = new Session();
        FakeClusterConnection cluster = new FakeClusterConnection().withEventsTable("vmresume", "events").withRanges(10, 2_000);
        session.connectionProperty().set(cluster);
        JobHistory history = Histories.in(dir.resolve("config"));
        ExportViewModel export = new ExportViewModel(session, new SyncTaskRunner(), history, yes, p -> { });
        session.tableProperty().set(new TableRef("vmresume", "events"));
        export.formatProperty().set(ExportFormat.CSV);
        Path out = Files.writeString(dir.resolve("events.csv"), "keep me until the export is complete");
        export.outputProperty().set(out.toString());
        export.maxRowsPerSecondProperty().set(4_000);

        cluster.whileRunning(export::cancel); // half-way through
        export.start();
        assertThat(yes.questions()).containsExactly("Replace events.csv?");
        assertThat(export.statusProperty().get()).startsWith("Export cancelled after 10,000 rows, with 5 ranges not exported.");
        assertThat(export.canResumeProperty().get()).isTrue();
        assertThat(export.summaryProperty().get()).isEmpty();

        export.resume();
        assertThat(yes.questions()).hasSize(1); // Resume does not ask again
        assertThat(yes.errors()).isEmpty();
        List<ExportRequest> asked = cluster.exportRequests();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).overwrite()).isTrue();
        assertThat(asked.get(0).resume()).isFalse();
        assertThat(asked.get(1).overwrite()).isTrue();
        assertThat(asked.get(1).resume()).isTrue();
        assertThat(asked.get(1).withResume(false)).isEqualTo(asked.get(0));
        assertThat(export.statusProperty().get()).isEqualTo("Export complete.");
        assertThat(export.summaryProperty().get()).startsWith("Exported 20,000 rows of vmresume.events to 1 file");
        assertThat(export.canResumeProperty().get()).isFalse();
        assertThat(history.records()).extracting(r -> r.outcome().state()).containsExactly(JobState.COMPLETE, JobState.CANCELLED);
    }

    @Test
    void thereIsNothingToResumeBeforeAnExportStopped() {
        Session session = new Session();
        FakeClusterConnection cluster = new FakeClusterConnection().withEventsTable("vmresume", "events");
        session.connectionProperty().set(cluster);
        ExportViewModel export = new ExportViewModel(session, new SyncTaskRunner(), Histories.in(dir), yes, p -> { });
        session.tableProperty().set(new TableRef("vmresume", "events"));
        export.resume();
        assertThat(cluster.exportRequests()).isEmpty();
        assertThat(export.canResumeProperty().get()).isFalse();
    }
}
