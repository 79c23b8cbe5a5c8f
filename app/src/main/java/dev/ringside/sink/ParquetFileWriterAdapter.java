package dev.ringside.sink;

import com.datastax.oss.driver.api.core.cql.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Parquet through parquet-hadoop on a local file; only a closed file is valid, so {@link #commit()} is -1. */
final class ParquetFileWriterAdapter implements RowFileWriter {

    private final ParquetWriter<Row> writer;
    private final Path file;
    private long rows;

    ParquetFileWriterAdapter(Path file, List<ExportColumn> columns, ParquetOptions options) throws IOException {
        this.file = file;
        this.writer = new Builder(new LocalOutputFile(file), columns)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec(options.compression()))
                .withRowGroupSize(options.rowGroupBytes())
                .withConf(new Configuration(false))
                .build();
    }

    private static CompressionCodecName codec(ParquetOptions.ParquetCompression c) {
        return switch (c) {
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case ZSTD -> CompressionCodecName.ZSTD;
            case GZIP -> CompressionCodecName.GZIP;
            case NONE -> CompressionCodecName.UNCOMPRESSED;
        };
    }

    @Override
    public void write(Row row) throws IOException {
        writer.write(row);
        rows++;
    }

    @Override
    public long commit() {
        return -1;
    }

    @Override
    public long bytesWritten() {
        return writer.getDataSize();
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    Path file() {
        return file;
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final List<ExportColumn> columns;

        Builder(OutputFile file, List<ExportColumn> columns) {
            super(file);
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(columns);
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new RowWriteSupport(columns);
        }
    }

}
