package dev.ringside.engine.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export's folder before a run: checked (it exists, takes a file, holds no file under a final name unless
 * replacing is allowed), cleared of what an abandoned run left, and, for a resume, checked against the checkpoint.
 */
final class OutputFolder {

    private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

    private OutputFolder() {
    }

    static void check(OutputLayout layout, ExportRequest request, List<Checkpoint.Publication> publishing)
            throws ExportException {
        Path folder = layout.folder();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ExportException(ExportException.Kind.FOLDER_MISSING, folder, "Cannot write to " + layout.finalFile(0)
                    + ": the folder " + folder + " does not exist.");
        }
        try {
            // Permissions alone do not tell (a read-only file system, ACLs, root): try it.
            Files.delete(Files.createTempFile(folder, ".ringside-", ".probe"));
        } catch (IOException e) {
            throw new ExportException(ExportException.Kind.FOLDER_NOT_WRITABLE, folder, "Cannot write to the folder "
                    + folder + ": " + (e instanceof AccessDeniedException ? "permission denied" : describe(e)) + ".");
        }
        if (!request.resume() && !request.overwrite() && Files.exists(layout.checkpoint())) {
            throw new ExportException(ExportException.Kind.UNFINISHED_EXPORT, layout.checkpoint(), "An unfinished export to "
                    + layout.finalFile(0).getFileName() + " exists (checkpoint " + layout.checkpoint().getFileName() + ").");
        }
        if (layout.rolls()) {
            // The files' count is known only at the end: any file of the numbered series is in the way.
            Optional<Path> first;
            try {
                first = layout.existingRolledFiles().stream().findFirst();
            } catch (IOException e) {
                throw new ExportException(ExportException.Kind.FOLDER_NOT_WRITABLE, folder, "Cannot list the folder "
                        + folder + ": " + describe(e) + ".");
            }
            if (first.isPresent() && !request.overwrite() && publishing.isEmpty()) {
                throw new ExportException(ExportException.Kind.OUTPUT_EXISTS, first.get(), first.get() + " already exists.");
            }
            return;
        }
        for (Path f : layout.finalFiles()) {
            if (Files.isDirectory(f)) {
                throw new ExportException(ExportException.Kind.OUTPUT_IS_FOLDER, f, f + " is a folder, not a file.");
            }
            boolean ours = publishing.stream().anyMatch(p -> folder.resolve(p.target()).equals(f)
                    && !Files.exists(folder.resolve(p.source())));
            if (Files.exists(f) && !request.overwrite() && !ours) {
                throw new ExportException(ExportException.Kind.OUTPUT_EXISTS, f, f + " already exists.");
            }
        }
    }

    /** A fresh run removes what an earlier, abandoned run left, a half-done publication included. */
    static void removeStale(OutputLayout layout) throws IOException {
        try {
            Optional<Checkpoint> old = Checkpoint.read(layout.checkpoint());
            if (old.isPresent() && old.get().publishing() != null) {
                for (Checkpoint.Publication p : old.get().publishing()) {
                    if (!Files.exists(layout.folder().resolve(p.source()))) {
                        Files.deleteIfExists(layout.folder().resolve(p.target()));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Ignoring the unreadable checkpoint {} of an abandoned export", layout.checkpoint(), e);
        }
        Files.deleteIfExists(layout.checkpoint());
        for (int i = 0; i < layout.files(); i++) {
            Files.deleteIfExists(layout.mergedFile(i));
            for (int part = 0; part < 100_000; part++) {
                if (!Files.deleteIfExists(layout.partialFile(i, part)) && part > 0) {
                    break;
                }
            }
        }
    }

    /**
     * A resumed run: removes the parts of file {@code index} that its last commit does not name (written after it,
     * e.g. files rolled over to), so that none is mistaken for a part later.
     */
    static void removeUncommittedParts(OutputLayout layout, int index, Checkpoint.FileCommit commit) throws IOException {
        int from = commit == null ? 0 : commit.parts().size();
        for (int part = from; part < from + 100_000; part++) {
            if (!Files.deleteIfExists(layout.partialFile(index, part)) && part > 0) {
                break;
            }
        }
    }

    /**
     * The checkpoint's file commits that the files on disk still back: a text part at least as long as committed, and
     * every Parquet part complete. A file that lost data (deleted, truncated) is started again: its commit is dropped,
     * so that all of its ranges are read again from their start, never skipped.
     */
    static Map<Integer, Checkpoint.FileCommit> usableCommits(OutputLayout layout, Checkpoint previous) throws IOException {
        Map<Integer, Checkpoint.FileCommit> usable = new HashMap<>();
        for (Map.Entry<Integer, Checkpoint.FileCommit> e : previous.commits().entrySet()) {
            String damage = damage(layout.folder(), e.getValue());
            if (damage == null) {
                usable.put(e.getKey(), e.getValue());
                continue;
            }
            LOG.warn("Resume: {}; its {} ranges are read again from their start", damage, e.getValue().ranges().size());
            for (String part : e.getValue().parts()) {
                Files.deleteIfExists(layout.folder().resolve(part));
            }
        }
        return usable;
    }

    /** What is wrong with the files of a commit, or {@code null} when they hold everything it says. */
    static String damage(Path folder, Checkpoint.FileCommit commit) throws IOException {
        if (commit.length() >= 0) {
            if (commit.parts().isEmpty()) {
                return commit.length() == 0 ? null : "the checkpoint names no file for " + commit.length() + " committed bytes";
            }
            // Parts rolled over from are closed: each must be there, whole.
            for (int i = 0; i < commit.parts().size() - 1; i++) {
                Path closed = folder.resolve(commit.parts().get(i));
                long want = i < commit.partSizes().size() ? commit.partSizes().get(i) : -1;
                if (!Files.isRegularFile(closed) || Files.size(closed) != want) {
                    return "the finished part " + closed + " is missing or does not have the " + want + " bytes its checkpoint committed";
                }
            }
            Path part = folder.resolve(commit.parts().get(commit.parts().size() - 1));
            if (!Files.isRegularFile(part)) {
                return "the partial file " + part + " is missing";
            }
            long size = Files.size(part);
            return size < commit.length() ? "the partial file " + part + " holds " + size
                    + " bytes, fewer than the " + commit.length() + " its checkpoint committed" : null;
        }
        long total = 0;
        for (String name : commit.parts()) {
            Path part = folder.resolve(name);
            if (!Files.isRegularFile(part)) {
                return "the partial file " + part + " is missing";
            }
            if (!dev.ringside.sink.ParquetFiles.looksComplete(part)) {
                return "the partial file " + part + " is not a complete Parquet file";
            }
            total += Files.size(part);
        }
        return total != commit.bytes() ? "the partial files " + commit.parts() + " hold " + total + " bytes, not the "
                + commit.bytes() + " their checkpoint committed" : null;
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file"
                    : e instanceof FileAlreadyExistsException ? "the file exists" : e.getClass().getSimpleName();
            return fs.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
