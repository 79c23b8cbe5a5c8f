package dev.ringside.testing;

import dev.ringside.app.history.JobHistoryFile;
import dev.ringside.app.history.JobHistoryService;
import dev.ringside.ui.common.job.JobHistory;

import java.nio.file.Path;

/** Job histories for tests: {@code history.json} in a config folder, written at once so a test can read it back. */
public final class Histories {

    private Histories() {
    }

    public static JobHistory in(Path configDir) {
        return new JobHistory(JobHistoryService.inline(file(configDir)));
    }

    public static JobHistoryFile file(Path configDir) {
        return new JobHistoryFile(configDir.resolve("history.json"));
    }
}
