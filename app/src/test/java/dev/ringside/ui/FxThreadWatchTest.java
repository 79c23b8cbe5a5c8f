package dev.ringside.ui;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch behind the UI tests' "no I/O on the FX thread" sees I/O done there on Monocle, and only there (in a JFR
 * dump the same thread shows as the native "Event Thread"; the watch matches its Java name).
 */
class FxThreadWatchTest {

    @TempDir
    Path dir;

    @Test
    void fileIoOnTheFxThreadIsSeenAndIoElsewhereIsNot() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path onFx = dir.resolve("written-on-the-fx-thread.txt");
        Path elsewhere = dir.resolve("written-elsewhere.txt");
        FxThreadWatch watch = new FxThreadWatch(dir);
        try (watch) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    Files.writeString(onFx, "x".repeat(10_000));
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            done.get(30, TimeUnit.SECONDS);
            Files.writeString(elsewhere, "y".repeat(10_000));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(watch.fxThreadIo()).anyMatch(line -> line.contains(onFx.toString()))
                .noneMatch(line -> line.contains(elsewhere.toString()));
    }
}
