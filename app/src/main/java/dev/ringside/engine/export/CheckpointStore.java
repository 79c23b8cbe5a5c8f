package dev.ringside.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the file writers' commits and rewrites the checkpoint file after each. */
final class CheckpointStore {

    private final Path file;
    private final Checkpoint.Identity identity;
    private final List<Checkpoint.Range> ranges;
    private final Map<Integer, Checkpoint.FileCommit> commits = new TreeMap<>();
    private List<Checkpoint.Publication> publishing;

    CheckpointStore(Path file, Checkpoint.Identity identity, List<Checkpoint.Range> ranges,
                    Map<Integer, Checkpoint.FileCommit> previous) {
        this.file = file;
        this.identity = identity;
        this.ranges = List.copyOf(ranges);
        this.commits.putAll(previous);
    }

    synchronized void commit(int fileIndex, Checkpoint.FileCommit commit) throws IOException {
        commits.put(fileIndex, commit);
        writeNow();
    }

    /** Records, durably and before the first rename, which finished file gets which final name. */
    synchronized void publishing(List<Checkpoint.Publication> plan) throws IOException {
        publishing = List.copyOf(plan);
        writeNow();
    }

    synchronized void writeNow() throws IOException {
        new Checkpoint(Checkpoint.VERSION, identity, ranges, Map.copyOf(commits), publishing).write(file);
    }

    synchronized Map<Integer, Checkpoint.FileCommit> commits() {
        return Map.copyOf(commits);
    }

    Path file() {
        return file;
    }
}
