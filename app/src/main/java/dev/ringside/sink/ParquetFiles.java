package dev.ringside.sink;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Joins the Parquet parts of a resumed export into one file, row group by row group, without decoding rows. */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    /** Whether {@code file} starts and ends with Parquet's magic bytes: a closed file, not a cut one. */
    public static boolean looksComplete(Path file) throws IOException {
        byte[] magic = "PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (size < 12) {
                return false;
            }
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(4);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4);
            channel.read(head, 0);
            channel.read(tail, size - 4);
            return java.util.Arrays.equals(head.array(), magic) && java.util.Arrays.equals(tail.array(), magic);
        }
    }

    public static void merge(List<Path> parts, Path target) throws IOException {
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(parts.get(0)))) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        }
        ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(target), schema,
                ParquetFileWriter.Mode.OVERWRITE, ParquetOptions.DEFAULT_ROW_GROUP_BYTES, 0);
        writer.start();
        for (Path part : parts) {
            writer.appendFile(new LocalInputFile(part));
        }
        writer.end(Map.of());
    }
}
