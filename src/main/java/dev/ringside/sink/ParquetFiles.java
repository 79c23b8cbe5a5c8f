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
