package dev.ringside.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an export's one file to a stream instead (standard output, for a pipe), CSV or JSON Lines. The engine still
 * sees a file: each {@code open} leaves an empty file at the path, which the caller's temporary folder holds and
 * removes, so the engine's checkpoint and publication run unchanged. Nothing written to a stream can be taken back,
 * so such an export cannot be resumed and has one file.
 */
public final class StreamRowFileWriters implements RowFileWriters {

    private final OutputStream stream;
    private boolean opened;

    public StreamRowFileWriters(OutputStream stream) {
        this.stream = stream;
    }

    @Override
    public synchronized RowFileWriter open(Path file, List<ExportColumn> columns, SinkOptions options, boolean append)
            throws IOException {
        if (append || opened) {
            throw new IOException("a stream is written once, from its start; it cannot be appended to or rolled over");
        }
        opened = true;
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (options instanceof CsvOptions csv) {
            return new CsvFileWriter(new FileTarget(stream, csv.compression()), columns, csv, false);
        }
        if (options instanceof JsonLinesOptions jsonl) {
            return new JsonLinesFileWriter(new FileTarget(stream, jsonl.compression()), columns);
        }
        throw new IOException(options.format() + " cannot be written to a stream; write it to a file");
    }
}
