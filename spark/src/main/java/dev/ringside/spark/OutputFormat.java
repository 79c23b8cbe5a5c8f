package dev.ringside.spark;

import java.util.Locale;

/** The three formats of Ringside's export, by the CLI's names. */
public enum OutputFormat {
    PARQUET, CSV, JSONL;

    public static OutputFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JobInputException("--format must be parquet, csv or jsonl, not '" + name + "'");
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
