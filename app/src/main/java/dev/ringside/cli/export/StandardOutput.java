package dev.ringside.cli.export;

import dev.ringside.engine.export.ExportShape;
import dev.ringside.engine.export.OutputLayout;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.RowFileWriters;
import dev.ringside.sink.SinkOptions;
import dev.ringside.sink.StreamRowFileWriters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code --out -}: the rows go to standard output, for a pipe. The engine writes its checkpoint and an empty
 * placeholder file into a temporary folder, removed at the end; a stream cannot be taken back, so there is one file
 * and no resume.
 */
final class StandardOutput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandardOutput.class);

    private final Path folder;
    private final Path placeholder;

    private StandardOutput(Path folder, Path placeholder) {
        this.folder = folder;
        this.placeholder = placeholder;
    }

    static boolean isAsked(Path out) {
        return out != null && out.toString().equals("-");
    }

    static StandardOutput open(ExportFormat format, SinkOptions sink, int files, boolean resume, ExportShape shape)
            throws IOException {
        if (format == ExportFormat.PARQUET) {
            throw new IllegalArgumentException("--out - streams CSV or JSON Lines; Parquet needs a file (its footer is "
                    + "written last): give --out a file name, or --format csv or jsonl.");
        }
        if (resume) {
            throw new IllegalArgumentException("--resume does not work with --out -: rows already sent down a pipe cannot "
                    + "be taken back. Export to a file to be able to resume.");
        }
        if (files != 1) {
            throw new IllegalArgumentException("--out - writes one stream; leave out --files (got " + files + ").");
        }
        if (shape.rolls()) {
            throw new IllegalArgumentException("--max-rows-per-file makes numbered files; it does not work with --out -.");
        }
        Path folder = Files.createTempDirectory("ringside-stdout-");
        return new StandardOutput(folder, folder.resolve("stdout" + OutputLayout.extension(sink)));
    }

    Path placeholder() {
        return placeholder;
    }

    RowFileWriters writers() {
        return new StreamRowFileWriters(System.out);
    }

    @Override
    public void close() {
        System.out.flush();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary folder {}", folder, e);
        }
    }
}
