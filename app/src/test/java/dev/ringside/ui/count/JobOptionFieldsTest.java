package dev.ringside.ui.count;

import dev.ringside.testing.Histories;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.export.ExportViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count and export screens refuse to start with a range setting beyond its limits and say why inline; no stage,
 * no cluster.
 */
class JobOptionFieldsTest {

    @TempDir
    Path dir;

    private final Prompter prompter = new Prompter() {
        @Override
        public boolean confirm(String title, String message) {
            return false;
        }

        @Override
        public void error(String title, String message, Throwable details) {
            throw new AssertionError("no dialog expected: " + title + ": " + message);
        }
    };

    @Test
    void theCountScreenSaysWhichSettingIsWrongAndDoesNotStart() {
        CountViewModel count = new CountViewModel(new Session(), new SyncTaskRunner(),
                Histories.in(dir), prompter);
        count.settings().typeSplits("4");
        count.settings().typeParallelism("8");
        assertThat(count.canStartProperty().get()).isFalse();
        count.start();
        assertThat(count.statusProperty().get()).isEqualTo("Parallelism (8) cannot be above the split count (4): "
                + "lower the parallelism or raise the splits.");
        assertThat(count.runningProperty().get()).isFalse();
        count.settings().typeParallelism("4");
        assertThat(count.settings().validProperty().get()).isTrue();
    }

    @Test
    void theExportScreenShowsARangeSettingErrorAsItsOptionError() {
        ExportViewModel export = new ExportViewModel(new Session(), new SyncTaskRunner(),
                Histories.in(dir), prompter, p -> { });
        export.settings().typeSplits("100001");
        assertThat(export.optionErrorProperty().get()).startsWith("Split count must be between 1 and 100,000 (got 100,001)");
        assertThat(export.canStartProperty().get()).isFalse();
        export.settings().typeSplits("100000");
        assertThat(export.optionErrorProperty().get()).isEmpty();
        export.settings().typeParallelism("1025");
        assertThat(export.optionErrorProperty().get()).startsWith("Parallelism must be between 1 and 1,024 (got 1,025)");
    }
}
