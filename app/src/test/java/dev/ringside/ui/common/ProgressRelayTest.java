package dev.ringside.ui.common;

import dev.ringside.engine.progress.ProgressSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay coalesces: however many snapshots arrive before the UI thread runs, it gets one update, the newest. */
class ProgressRelayTest {

    /** A UI thread that runs what was posted only when the test says so. */
    private static final class HeldUi implements TaskRunner {
        final Queue<Runnable> posted = new ArrayDeque<>();

        @Override
        public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUi(Runnable action) {
            posted.add(action);
        }

        void runPosted() {
            while (!posted.isEmpty()) {
                posted.remove().run();
            }
        }
    }

    private static ProgressSnapshot snapshot(long rows) {
        return new ProgressSnapshot(rows, 0, 0, 0, 0, 0, 1, 0, Duration.ZERO, null, 0, 0, List.of(), false);
    }

    @Test
    void manySnapshotsBeforeTheUiRunsMakeOneUpdateWithTheNewest() {
        HeldUi ui = new HeldUi();
        List<Long> shown = new ArrayList<>();
        ProgressRelay relay = new ProgressRelay(ui, s -> shown.add(s.rows()));
        for (long rows = 1; rows <= 1_000; rows++) {
            relay.onProgress(snapshot(rows));
        }
        assertThat(ui.posted).hasSize(1);
        ui.runPosted();
        assertThat(shown).containsExactly(1_000L);

        relay.onProgress(snapshot(1_001));
        relay.onProgress(snapshot(1_002));
        assertThat(ui.posted).hasSize(1);
        ui.runPosted();
        assertThat(shown).containsExactly(1_000L, 1_002L);
        ui.runPosted();
        assertThat(shown).hasSize(2);
    }

    @Test
    void aSnapshotThatArrivesWhileTheUiUpdatesIsShownNext() {
        HeldUi ui = new HeldUi();
        List<Long> shown = new ArrayList<>();
        ProgressRelay[] relay = new ProgressRelay[1];
        relay[0] = new ProgressRelay(ui, s -> {
            shown.add(s.rows());
            if (s.rows() == 1) {
                relay[0].onProgress(snapshot(2)); // the engine goes on while the UI draws
            }
        });
        relay[0].onProgress(snapshot(1));
        ui.runPosted();
        assertThat(shown).containsExactly(1L, 2L);
    }

    @Test
    void theEngineIsAskedForAtMostFourSnapshotsASecond() {
        assertThat(ProgressRelay.INTERVAL).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
}
