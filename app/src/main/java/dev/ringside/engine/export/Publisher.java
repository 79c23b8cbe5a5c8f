package dev.ringside.engine.export;

import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeExecution;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.sink.ParquetFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives the finished files their final names, all or none: the plan of renames is made durable in the checkpoint
 * before the first one, a failed rename is undone, and a resume finishes a publication that was cut short.
 */
final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** Gives a finished file its final name; a seam for tests that inject a failed rename. */
    @FunctionalInterface
    interface FileMove {
        void move(Path source, Path target) throws IOException;
    }

    static final FileMove ATOMIC_MOVE = (source, target) -> Files.move(source, target,
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    private final FileMove move;

    Publisher(FileMove move) {
        this.move = move;
    }

    /** The result of a run: its files published when every range was written, else its partial files and checkpoint. */
    ExportResult finish(TableInfo table, OutputLayout layout, List<FileWriterWorker> workers,
                        RangeExecution.Outcome outcome, int parallelism, String error, CheckpointStore store,
                        ExportRequest request) {
        long bytes = workers.stream().mapToLong(FileWriterWorker::bytes).sum();
        boolean complete = !outcome.cancelled() && error == null
                && outcome.ranges().stream().allMatch(r -> r.state() == RangeState.DONE);
        List<Path> files = new ArrayList<>();
        boolean partlyPublished = false;
        if (complete) {
            List<Checkpoint.Publication> plan = new ArrayList<>();
            try {
                int rolled = 0;
                for (int i = 0; i < workers.size(); i++) {
                    List<Path> parts = workers.get(i).parts();
                    if (layout.rolls()) {
                        // Rolled over: every part is a file of its own, numbered on from the last writer's.
                        for (Path part : parts) {
                            Path target = layout.rolledFile(rolled++);
                            if (!request.overwrite() && Files.exists(target)) {
                                throw new FileAlreadyExistsException(target.toString(), null,
                                        "this file appeared while the export ran; it was left as it is");
                            }
                            plan.add(new Checkpoint.Publication(part.getFileName().toString(), target.getFileName().toString()));
                        }
                        continue;
                    }
                    Path source = parts.get(0);
                    if (parts.size() > 1) {
                        // Parquet parts of resumed runs are joined into one file first.
                        source = layout.mergedFile(i);
                        ParquetFiles.merge(parts, source);
                    }
                    Path target = layout.finalFile(i);
                    if (!request.overwrite() && Files.exists(target)) {
                        throw new FileAlreadyExistsException(target.toString(), null,
                                "this file appeared while the export ran; it was left as it is");
                    }
                    plan.add(new Checkpoint.Publication(source.getFileName().toString(), target.getFileName().toString()));
                }
                // Durable before the first rename: an interrupted publication is finished by a resume.
                store.publishing(plan);
                files.addAll(publishAll(layout.folder(), plan));
                removeFinished(layout, store.commits(), plan);
                if (layout.rolls() && request.overwrite()) {
                    removeOverwrittenSeries(layout, files);
                }
                Files.deleteIfExists(store.file());
                Checkpoint.syncFolder(layout.folder());
                bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                return new ExportResult(table, outcome.rows(), bytes, files, outcome.ranges(), parallelism,
                        outcome.elapsed(), false, null, null);
            } catch (IOException e) {
                LOG.debug("Could not move the finished files to their final names", e);
                error = "Could not give the finished files their final names: " + OutputFolder.describe(e) + ".";
                partlyPublished = halfPublished(layout.folder(), plan);
                files.clear();
            }
        }
        for (FileWriterWorker w : workers) {
            files.addAll(w.parts().isEmpty() ? List.of(w.currentPart()) : w.parts());
        }
        return new ExportResult(table, outcome.rows(), bytes, files, outcome.ranges(), parallelism, outcome.elapsed(),
                outcome.cancelled(), error, store.file(), partlyPublished);
    }

    /** Resumes an export whose ranges were all written and whose files were being given their final names. */
    JobHandle<ExportResult> finishPublication(TableInfo table, OutputLayout layout, Checkpoint previous,
                                              ExportRequest request) throws IOException {
        long started = System.nanoTime();
        Map<Integer, Long> rowsByRange = new HashMap<>();
        previous.commits().values().forEach(c -> c.ranges().forEach((id, r) -> rowsByRange.merge(id, r.rows(), Long::sum)));
        List<RangeOutcome> outcomes = previous.ranges().stream()
                .map(r -> new RangeOutcome(r.id(), TokenRange.of(r.start(), r.end()),
                        RangeState.DONE, rowsByRange.getOrDefault(r.id(), 0L), null, 0, null))
                .toList();
        long rows = rowsByRange.values().stream().mapToLong(Long::longValue).sum();
        List<Checkpoint.Publication> plan = previous.publishing();
        ExportResult result;
        try {
            List<Path> files = publishAll(layout.folder(), plan);
            removeFinished(layout, previous.commits(), plan);
            Files.deleteIfExists(layout.checkpoint());
            Checkpoint.syncFolder(layout.folder());
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            result = new ExportResult(table, rows, bytes, files, outcomes, 0,
                    Duration.ofNanos(System.nanoTime() - started), false, null, null);
        } catch (IOException e) {
            LOG.debug("Could not finish publishing {}", layout.finalFile(0), e);
            result = new ExportResult(table, rows, 0, plan.stream().map(p -> layout.folder().resolve(p.source())).toList(),
                    outcomes, 0, Duration.ofNanos(System.nanoTime() - started), false,
                    "Could not give the finished files their final names: " + OutputFolder.describe(e) + ".",
                    layout.checkpoint(), halfPublished(layout.folder(), plan));
        }
        ExportResult done = result;
        return new JobHandle<>() {
            @Override
            public CompletableFuture<ExportResult> result() {
                return CompletableFuture.completedFuture(done);
            }

            @Override
            public void cancel() {
                // Nothing runs.
            }

            @Override
            public int ranges() {
                return outcomes.size();
            }

            @Override
            public int parallelism() {
                return 0;
            }
        };
    }

    /**
     * Gives every finished file its final name, or none: when one rename fails, the files renamed before it get their
     * temporary names back. Files that an interrupted earlier run already renamed count as renamed.
     */
    private List<Path> publishAll(Path folder, List<Checkpoint.Publication> plan) throws IOException {
        try {
            for (Checkpoint.Publication p : plan) {
                Path source = folder.resolve(p.source());
                Path target = folder.resolve(p.target());
                if (Files.exists(source)) {
                    move.move(source, target);
                } else if (!Files.exists(target)) {
                    throw new NoSuchFileException(source.toString(), null, "the finished file is missing");
                }
            }
        } catch (IOException e) {
            for (int i = plan.size() - 1; i >= 0; i--) {
                Path source = folder.resolve(plan.get(i).source());
                Path target = folder.resolve(plan.get(i).target());
                if (!Files.exists(source) && Files.exists(target)) {
                    try {
                        move.move(target, source);
                    } catch (IOException undo) {
                        LOG.debug("Could not take the final name back from {}", target, undo);
                        e.addSuppressed(undo);
                    }
                }
            }
            throw e;
        }
        Checkpoint.syncFolder(folder);
        return plan.stream().map(p -> folder.resolve(p.target())).toList();
    }

    /** Whether some files of {@code plan} have their final names and others do not (an undo that failed). */
    private static boolean halfPublished(Path folder, List<Checkpoint.Publication> plan) {
        return plan.stream().anyMatch(p -> !Files.exists(folder.resolve(p.source())) && Files.exists(folder.resolve(p.target())));
    }

    /** Replacing a rolled-over export: files of the old numbered series beyond the new one's last would mislead. */
    private static void removeOverwrittenSeries(OutputLayout layout, List<Path> published) throws IOException {
        for (Path old : layout.existingRolledFiles()) {
            if (!published.contains(old)) {
                Files.deleteIfExists(old);
            }
        }
    }

    /** After publication: the Parquet parts that were merged into a final file. */
    private static void removeFinished(OutputLayout layout, Map<Integer, Checkpoint.FileCommit> commits,
                                       List<Checkpoint.Publication> plan) throws IOException {
        for (Checkpoint.FileCommit c : commits.values()) {
            for (String part : c.parts()) {
                if (plan.stream().noneMatch(p -> p.source().equals(part))) {
                    Files.deleteIfExists(layout.folder().resolve(part));
                }
            }
        }
    }
}
