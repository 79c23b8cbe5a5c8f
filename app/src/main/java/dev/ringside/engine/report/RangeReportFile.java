package dev.ringside.engine.report;

import dev.ringside.engine.run.RangeOutcome;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a job's per-range results as CSV, one line per planned range in token order. The file appears whole or
 * not at all: it is written beside its final name and moved there at the end.
 */
public final class RangeReportFile {

    static final String HEADER = "range,start,end,state,rows,bytes,node,duration_ms,retries,error";

    private RangeReportFile() {
    }

    public static void write(Path file, List<RangeOutcome> ranges) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist");
        }
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(HEADER);
                w.write('\n');
                for (RangeOutcome r : ranges) {
                    w.write(line(r));
                    w.write('\n');
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String line(RangeOutcome r) {
        return r.id() + "," + r.range().start() + "," + r.range().end() + "," + r.state() + "," + r.rows() + ","
                + r.bytes() + "," + quote(r.node()) + "," + r.duration().toMillis() + "," + r.retries() + ","
                + quote(r.error());
    }

    private static String quote(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
