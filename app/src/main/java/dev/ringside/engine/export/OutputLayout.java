package dev.ringside.engine.export;

import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.SinkOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File names of an export: the final files, the temporary {@code .partial} files they are written under, Parquet
 * resume parts, and the checkpoint beside them.
 */
public final class OutputLayout {

    private final Path out;
    private final int files;
    private final String extension;
    private final boolean rolls;

    public OutputLayout(Path out, int files, SinkOptions sink) {
        this(out, files, sink, false);
    }

    /** @param rolls whether files roll over at a row limit: then every final file is numbered, see {@link #rolledFile} */
    public OutputLayout(Path out, int files, SinkOptions sink, boolean rolls) {
        this.out = out.toAbsolutePath().normalize();
        this.files = files;
        this.rolls = rolls;
        this.extension = extension(sink);
    }

    /** The file name extension a format and its compression give: {@code .csv}, {@code .jsonl.zst}, {@code .parquet} … */
    public static String extension(SinkOptions sink) {
        String ext = "." + sink.format().extension();
        if (sink instanceof CsvOptions csv) {
            ext += csv.compression().suffix();
        } else if (sink instanceof JsonLinesOptions jsonl) {
            ext += jsonl.compression().suffix();
        }
        return ext;
    }

    /** The final path of file {@code index} (0-based). One file: {@code --out} itself; several: name-00001.ext … */
    public Path finalFile(int index) {
        if (files == 1) {
            return out;
        }
        return numbered(index);
    }

    /**
     * The final path of the {@code seq}-th file (0-based) of an export that rolls over: name-00001.ext, name-00002.ext …
     * numbered in order over the first writer's files, then the second's (with several files in parallel).
     */
    public Path rolledFile(int seq) {
        return numbered(seq);
    }

    public boolean rolls() {
        return rolls;
    }

    /** Files already in the folder that have the names of the numbered series (name-NNNNN.ext). */
    public List<Path> existingRolledFiles() throws java.io.IOException {
        String first = numbered(0).getFileName().toString();
        String prefix = first.substring(0, first.length() - extension.length() - 5);
        java.util.regex.Pattern series = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(prefix) + "[0-9]{5}" + java.util.regex.Pattern.quote(extension));
        try (var stream = java.nio.file.Files.list(out.getParent())) {
            return stream.filter(p -> series.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private Path numbered(int index) {
        String name = out.getFileName().toString();
        String base = name;
        for (String known : new String[] {extension, ".csv.gz", ".csv", ".parquet", ".jsonl.gz", ".jsonl.zst", ".jsonl", ".json"}) {
            if (name.endsWith(known) && name.length() > known.length()) {
                base = name.substring(0, name.length() - known.length());
                break;
            }
        }
        return out.resolveSibling(String.format("%s-%05d%s", base, index + 1, extension));
    }

    public List<Path> finalFiles() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            list.add(finalFile(i));
        }
        return list;
    }

    /** Temporary name of file {@code index}; for Parquet resume, part {@code part} > 0 gets its own. */
    public Path partialFile(int index, int part) {
        Path f = finalFile(index);
        return f.resolveSibling(f.getFileName() + (part == 0 ? ".partial" : ".partial-" + part));
    }

    /** Where the Parquet parts of file {@code index} are joined before the result gets its final name. */
    public Path mergedFile(int index) {
        Path f = finalFile(index);
        return f.resolveSibling(f.getFileName() + ".partial-merged");
    }

    public Path checkpoint() {
        return out.resolveSibling(out.getFileName() + ".ringside-checkpoint.json");
    }

    public Path folder() {
        return out.getParent();
    }

    public int files() {
        return files;
    }
}
