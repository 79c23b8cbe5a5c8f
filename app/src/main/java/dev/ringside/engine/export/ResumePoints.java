package dev.ringside.engine.export;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.progress.ProgressTracker;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each range starts: at its beginning in a new export; in a resumed one, where its file's last commit left it
 * (its paging state, or its start with the rows the file already holds left out), or nowhere when it was done.
 *
 * @param cursors  per range id, where its reading goes on
 * @param done     ranges the checkpoint records as finished
 * @param doneRows rows of the finished ranges, for progress
 */
record ResumePoints(Map<Integer, RangeReader.Cursor> cursors, Set<Integer> done, Map<Integer, Long> doneRows) {

    static ResumePoints of(List<PlannedRange> plan, Map<Integer, Checkpoint.FileCommit> commits, int files) {
        Map<Integer, RangeReader.Cursor> cursors = new HashMap<>();
        Set<Integer> done = new HashSet<>();
        Map<Integer, Long> doneRows = new HashMap<>();
        for (PlannedRange range : plan) {
            RangeReader.Cursor cursor = new RangeReader.Cursor();
            Checkpoint.FileCommit commit = commits.get(range.id() % files);
            Checkpoint.RangeCommit state = commit == null ? null : commit.ranges().get(range.id());
            if (state != null && state.done()) {
                done.add(range.id());
                doneRows.put(range.id(), state.rows());
            } else if (state != null) {
                cursor.resumedRows = state.rows();
                cursor.handedRows = state.rows();
                if (state.pagingState() != null) {
                    cursor.pagingState = ByteBuffer.wrap(Base64.getDecoder().decode(state.pagingState()));
                } else {
                    cursor.skip = state.rows(); // read again from the start, leaving out what the file holds
                }
            }
            cursors.put(range.id(), cursor);
        }
        return new ResumePoints(cursors, done, doneRows);
    }

    /** Rows that earlier runs wrote into the files. */
    long writtenRows() {
        long rows = doneRows.values().stream().mapToLong(Long::longValue).sum();
        for (RangeReader.Cursor c : cursors.values()) {
            rows += c.resumedRows;
        }
        return rows;
    }

    /** Counts what earlier runs wrote, so that progress starts where they stopped. */
    void countInto(ProgressTracker tracker) {
        doneRows.forEach(tracker::alreadyDone);
        cursors.forEach((id, c) -> {
            if (c.resumedRows > 0) {
                tracker.addRows(id, c.resumedRows);
            }
        });
    }
}
