package dev.ringside.ui.common.job;

import dev.ringside.app.history.JobHistoryService;
import dev.ringside.app.history.JobRecord;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
}
