package dev.ringside.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output options of {@code export} (rows per file, BOM, standard output, JSON Lines compression, limit, sample)
 * with bad values, and with good ones that then fail only to connect (port 1): no cluster needed.
 */
class OutputOptionsBadInputTest {

    private static final String OK_BUT_NO_CLUSTER = "Cannot connect to Cassandra at 127.0.0.1:1";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "--out x.csv --max-rows-per-file 0; --max-rows-per-file takes a whole number of lines, 2 or more with a CSV header, or 'excel' (got '0')",
            "--out x.csv --max-rows-per-file lots; (got 'lots')",
            "--out x.csv --max-rows-per-file 1; --max-rows-per-file must be 2 or more with a CSV header",
            "--out x.csv --max-rows-per-file 1 --no-header --port 1; " + OK_BUT_NO_CLUSTER,
            "--out x.csv --max-rows-per-file excel --port 1; " + OK_BUT_NO_CLUSTER,
            "--out x.csv --max-rows-per-file 1048576 --port 1; " + OK_BUT_NO_CLUSTER,
            "--out x.parquet --bom; --bom is for CSV only",
            "--out x.jsonl --bom; --bom is for CSV only",
            "--out x.csv --bom --port 1; " + OK_BUT_NO_CLUSTER,
            "--out x.jsonl --compression brotli; Unknown JSON Lines --compression 'brotli': use gzip, zstd or none",
            "--out x.jsonl --compression zstd --port 1; " + OK_BUT_NO_CLUSTER,
            "--out x.jsonl.gz --port 1; " + OK_BUT_NO_CLUSTER,
            "--out - --format parquet; --out - streams CSV or JSON Lines; Parquet needs a file",
            "--out - --resume; --resume does not work with --out -",
            "--out - --files 2; --out - writes one stream; leave out --files (got 2)",
            "--out - --max-rows-per-file 100; --max-rows-per-file makes numbered files; it does not work with --out -",
            "--out - --format jsonl --port 1; " + OK_BUT_NO_CLUSTER,
            "--out x.csv --limit -1; --limit must be 1 or more (got -1)",
            "--out x.csv --sample 1.5; --sample must be a fraction above 0 and below 1",
            "--out x.csv --sample 1; --sample must be a fraction above 0 and below 1",
            "--out x.csv --sample -0.1; --sample must be a fraction above 0 and below 1",
            "--out x.csv --seed 4; --seed chooses the ranges of --sample",
            "--out x.csv --sample 0.01 --seed 4 --limit 10 --port 1; " + OK_BUT_NO_CLUSTER,
    })
    void eachBadValueGetsOneMessage(String options, String message) {
        String[] extra = options.trim().split(" ");
        String[] args = new String[4 + extra.length + 1];
        args[0] = "export";
        args[1] = "-k";
        args[2] = "ks";
        args[3] = "-t";
        System.arraycopy(new String[] {"t"}, 0, args, 4, 1);
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message.trim()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
