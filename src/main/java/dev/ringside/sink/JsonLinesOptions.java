package dev.ringside.sink;

/** JSON Lines options (none yet beyond the format itself; a record so that options stay uniform). */
public record JsonLinesOptions() implements SinkOptions {

    @Override
    public ExportFormat format() {
        return ExportFormat.JSONL;
    }
}
