package dev.ringside.ui.common.job;

import dev.ringside.app.history.JobHistoryService;
import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Past jobs, newest first (the last {@value JobHistoryService#LIMIT}), as the screens see them: the list lives on
 * the UI thread; the service keeps the file, written off it.
 */
public final class JobHistory {

    private final JobHistoryService service;
    private final ObservableList<JobRecord> records = FXCollections.observableArrayList();

    public JobHistory(JobHistoryService service) {
        this.service = service;
        records.setAll(service.load());
    }

    public ObservableList<JobRecord> records() {
        return records;
    }

    /** Adds a finished job (call on the UI thread); the history is saved in the background. */
    public void add(JobRecord record) {
        records.add(0, record);
        if (records.size() > JobHistoryService.LIMIT) {
            records.remove(JobHistoryService.LIMIT, records.size());
        }
        service.save(records);
    }

    /**
     * Adds imported job settings (call on the UI thread) as jobs not yet run, to start with Re-run; a job already
     * in the history with the same settings, or twice in the file, is added once. Returns how many were added.
     */
    public int importJobs(List<JobSpec> jobs, Instant at, String detail) {
        Set<JobSpec> known = new LinkedHashSet<>();
        records.forEach(r -> known.add(r.job()));
        List<JobRecord> added = new ArrayList<>();
        for (JobSpec job : jobs) {
            if (known.add(job)) {
                added.add(new JobRecord(job, at, new JobOutcome(JobState.IMPORTED, 0, 0, 0, detail)));
            }
        }
        if (!added.isEmpty()) {
            records.addAll(0, added);
            if (records.size() > JobHistoryService.LIMIT) {
                records.remove(JobHistoryService.LIMIT, records.size());
            }
            service.save(records);
        }
        return added.size();
    }
}
