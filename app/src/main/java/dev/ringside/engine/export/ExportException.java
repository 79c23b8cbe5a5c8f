package dev.ringside.engine.export;

import dev.ringside.engine.JobException;

import java.nio.file.Path;

/**
 * An export cannot start because of its output or its checkpoint. The message is front-end neutral (it names no
 * command-line flag or button); {@link #kind()} lets the CLI and the app add their own advice.
 */
public final class ExportException extends JobException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, so that each front end can say what to do about it. */
    public enum Kind {
        /** The output folder does not exist. */
        FOLDER_MISSING,
        /** The output folder cannot be written to. */
        FOLDER_NOT_WRITABLE,
        /** The output path is a folder, not a file. */
        OUTPUT_IS_FOLDER,
        /** A final file exists and replacing was not asked for. */
        OUTPUT_EXISTS,
        /** A checkpoint of an unfinished export of the same output exists, and neither resume nor replace was asked for. */
        UNFINISHED_EXPORT,
        /** Resume was asked for, but there is no checkpoint. */
        NOTHING_TO_RESUME,
        /** The checkpoint belongs to an export with other options. */
        CHECKPOINT_MISMATCH,
        /** Cassandra refused the user's filter condition (syntax, unknown column, …). */
        FILTER_REJECTED,
        /** Cassandra runs the filter only with ALLOW FILTERING, which the user has not written. */
        FILTER_NEEDS_ALLOW_FILTERING
    }

    private final Kind kind;
    private final transient Path path;

    public ExportException(Kind kind, Path path, String message) {
        super(message);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    /** The file or folder concerned. */
    public Path path() {
        return path;
    }
}
