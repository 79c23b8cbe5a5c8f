package dev.ringside.ui.jobs;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.testing.Histories;
import dev.ringside.ui.common.Bundles;
import dev.ringside.ui.common.FxPrompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-run of a job recorded on another cluster, as the user meets it (headless TestFX, the app's own dialog): it asks
 * first, naming both clusters, and runs nothing until answered; each answer does what its button says.
 */
class RerunOtherClusterDialogTest {

    private static final ClusterEntry PROD = new ClusterEntry("prod", List.of("10.0.0.5"), 9042, "dc1", null, false,
            null, false, null, null, true, null);
    private static final ClusterEntry SANDBOX = new ClusterEntry("sandbox", List.of("127.0.0.1"), 9042, "datacenter1",
            null, false, null, false, null, null, true, null);

    private final FxRobot robot = new FxRobot();
    private final List<JobRecord> ran = new CopyOnWriteArrayList<>();
    private final List<ClusterEntry> connectedTo = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @BeforeEach
    void show() throws Exception {
        Session session = new Session();
        session.connect(new FakeClusterConnection(), SANDBOX);
        var history = Histories.in(dir);
        history.add(new JobRecord(JobSpec.count("shop", "orders", RangeJobOptions.defaults()).withCluster(PROD),
                Instant.parse("2026-03-01T10:00:00Z"), new JobOutcome(JobState.COMPLETE, 9, 1, 9, "done")));
        Stage stage = FxToolkit.registerPrimaryStage();
        JobsViewModel vm = new JobsViewModel(history, session, new SyncTaskRunner(),
                new FxPrompter(() -> stage, dir, folder -> { }), new JobsViewModel.Rerun() {
                    @Override
                    public void run(JobRecord job) {
                        ran.add(job);
                    }

                    @Override
                    public void connectTo(ClusterEntry cluster) {
                        connectedTo.add(cluster);
                    }
                });
        FxToolkit.setupStage(s -> {
            FXMLLoader loader = new FXMLLoader(JobsController.class.getResource("/dev/ringside/ui/jobs/jobs.fxml"),
                    Bundles.load("dev.ringside.ui.jobs.jobs"));
            loader.setControllerFactory(type -> new JobsController(vm));
            try {
                Parent root = loader.load();
                s.setScene(new Scene(root, 1280, 400));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> jobs = robot.lookup("#jobs").queryAs(TableView.class);
        robot.interact(() -> jobs.getSelectionModel().select(0));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Presses Re-run; the dialog it opens (the press returns while the dialog waits for an answer). */
    private DialogPane pressRerun() {
        Button rerun = robot.lookup("#rerun").queryButton();
        robot.interact(() -> javafx.application.Platform.runLater(rerun::fire)); // fire returns only once answered
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void answer(DialogPane dialog, String button) {
        Button b = (Button) dialog.lookupAll(".button").stream()
                .filter(n -> n instanceof Button x && button.equals(x.getText())).findFirst().orElseThrow();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> buttons(DialogPane dialog) {
        return dialog.getButtonTypes().stream().map(javafx.scene.control.ButtonType::getText).toList();
    }

    @Test
    void itAsksNamingBothClustersAndRunsNothingBeforeTheAnswer() {
        DialogPane dialog = pressRerun();
        assertThat(dialog.getHeaderText()).isEqualTo("Re-run the shop.orders job on which cluster?");
        assertThat(dialog.getContentText()).contains("prod (10.0.0.5), dc1").contains("sandbox (127.0.0.1), datacenter1");
        assertThat(buttons(dialog)).containsExactly("Connect to the recorded cluster", "Run on the connected cluster",
                "Cancel");
        assertThat(ran).isEmpty();
        assertThat(connectedTo).isEmpty();
        answer(dialog, "Cancel");
        assertThat(ran).isEmpty();
        assertThat(connectedTo).isEmpty();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    @Test
    void runOnTheConnectedClusterRunsItHere() {
        answer(pressRerun(), "Run on the connected cluster");
        assertThat(ran).hasSize(1).allSatisfy(j -> assertThat(j.job().tableName()).isEqualTo("shop.orders"));
        assertThat(connectedTo).isEmpty();
    }

    @Test
    void connectToTheRecordedClusterConnectsFirst() {
        answer(pressRerun(), "Connect to the recorded cluster");
        assertThat(connectedTo).containsExactly(PROD);
        assertThat(ran).isEmpty(); // it runs once that connection opens
    }
}
