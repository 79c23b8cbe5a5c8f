package dev.ringside.ui.jobs;

import dev.ringside.ui.common.AppFiles;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Past jobs, newest first, kept in {@code history.json} in the config folder (the last 500). */
public final class JobHistory {

    private static final Logger LOG = LoggerFactory.getLogger(JobHistory.class);
    static final String FILE = "history.json";
    static final int LIMIT = 500;

    private final AppFiles files;
    private final ObservableList<JobRecord> records = FXCollections.observableArrayList();

    public JobHistory(AppFiles files) {
        this.files = files;
        records.setAll(Arrays.asList(files.read(FILE, JobRecord[].class, new JobRecord[0])));
    }

    public ObservableList<JobRecord> records() {
        return records;
    }

    /** Adds a finished job (call on the UI thread) and saves the history. */
    public void add(JobRecord record) {
        records.add(0, record);
        if (records.size() > LIMIT) {
            records.remove(LIMIT, records.size());
        }
        List<JobRecord> copy = new ArrayList<>(records);
        try {
            files.write(FILE, copy.toArray(JobRecord[]::new));
        } catch (IOException e) {
            LOG.warn("Could not save the job history: {}", e.getMessage());
        }
    }
}
