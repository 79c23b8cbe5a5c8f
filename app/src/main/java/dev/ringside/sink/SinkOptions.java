package dev.ringside.sink;

/** Format-specific writer options; one record per format. */
public sealed interface SinkOptions permits CsvOptions, ParquetOptions, JsonLinesOptions {

    ExportFormat format();
}
