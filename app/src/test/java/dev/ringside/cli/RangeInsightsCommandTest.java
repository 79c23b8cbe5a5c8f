package dev.ringside.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.Murmur3;
import dev.ringside.testing.NodeJmx;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SecretFiles;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring as an insight tool from the command line: {@code --by-range} (read back by DuckDB), the range summary in
 * {@code --json}, {@code --top-partitions} on a table with known hot partitions, and {@code --estimate}.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeInsightsCommandTest {

    private static final long EVEN_ROWS = 4_000;
    /** Partition key → rows, the three hottest partitions of {@code insights.hot}. */
    private static final long[][] HOT = {{1_000_001, 700}, {1_000_002, 450}, {1_000_003, 300}};
    private static final int SMALL_PARTITIONS = 500;
    private static final int ROWS_PER_SMALL = 4;

    private SharedSandbox sandbox;
    private Path passwordFile;
    @TempDir
    Path tmp;

    @BeforeAll
    void setUp(SharedSandbox sandbox, @TempDir Path secrets) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("insights", 2);
        session.execute("CREATE TABLE insights.even (id bigint PRIMARY KEY, v text)");
        session.execute("CREATE TABLE insights.hot (p bigint, c int, v text, PRIMARY KEY (p, c))");
        session.checkSchemaAgreement();
        PreparedStatement even = session.prepare("INSERT INTO insights.even (id, v) VALUES (?, 'x')");
        Inserts.run(session, EVEN_ROWS, i -> even.bind(i));
        PreparedStatement hot = session.prepare("INSERT INTO insights.hot (p, c, v) VALUES (?, ?, 'x')");
        Inserts.run(session, (long) SMALL_PARTITIONS * ROWS_PER_SMALL,
                i -> hot.bind(i / ROWS_PER_SMALL, (int) (i % ROWS_PER_SMALL)));
        for (long[] partition : HOT) {
            Inserts.run(session, partition[1], i -> hot.bind(partition[0], (int) i));
        }
        passwordFile = SecretFiles.write(secrets.resolve("password"), SandboxSettings.PASSWORD + "\n");
    }

    private String[] args(String command, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--host", sandbox.host(), "--user", SandboxSettings.USER,
                "--password-file", passwordFile.toString(), "--quiet"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void countByRangeWritesOneLinePerRangeWhoseRowsAddUpToTheCount() throws Exception {
        Path report = tmp.resolve("count-ranges.csv");
        CliRun run = CliRun.of(args("count", "-k", "insights", "-t", "even", "--splits", "64", "--json",
                "--by-range", report.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("rows").asLong()).isEqualTo(EVEN_ROWS);
        int ranges = json.get("ranges").asInt();

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(rows), count(DISTINCT range), min(state), max(state), "
                     + "sum(CASE WHEN node LIKE '127.%:9042' THEN 1 ELSE 0 END), min(duration_ms), max(retries) "
                     + "FROM read_csv('" + report + "', header = true, types = {'start': 'BIGINT', 'end': 'BIGINT'})")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("one line per range").isEqualTo(ranges);
            assertThat(rs.getLong(2)).as("rows add up to the exact count").isEqualTo(EVEN_ROWS);
            assertThat(rs.getLong(3)).isEqualTo(ranges);
            assertThat(rs.getString(4)).isEqualTo("DONE");
            assertThat(rs.getString(5)).isEqualTo("DONE");
            assertThat(rs.getLong(6)).as("every range names its replica").isEqualTo(ranges);
            assertThat(rs.getLong(7)).isGreaterThanOrEqualTo(0);
            assertThat(rs.getLong(8)).isZero();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT \"end\", lead(start) OVER (ORDER BY start) AS next "
                     + "FROM read_csv('" + report + "', header = true, types = {'start': 'BIGINT', 'end': 'BIGINT'})) "
                     + "WHERE next IS NOT NULL AND next <> \"end\"")) {
            rs.next();
            assertThat(rs.getLong(1)).as("ranges follow each other with no gap").isZero();
        }
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).as("no temporary file left")
                .noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void jsonSummarisesRowsPerNodeAndTheDensestAndSparsestRanges() throws Exception {
        CliRun run = CliRun.of(args("count", "-k", "insights", "-t", "hot", "--splits", "48", "--json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out()).get("rangeSummary");
        long perNode = 0;
        for (JsonNode n : summary.get("rowsPerNode")) {
            perNode += n.asLong();
        }
        assertThat(perNode).isEqualTo(totalHotRows());
        JsonNode densest = summary.get("densest");
        JsonNode sparsest = summary.get("sparsest");
        assertThat(densest.get("rowsPerToken").asDouble()).isGreaterThan(sparsest.get("rowsPerToken").asDouble());
        assertThat(densest.get("relativeDensity").asDouble()).isGreaterThan(1.0);
        // Which range is densest depends on the ring Cassandra chose: a narrow vnode range with a few rows can be
        // denser than the one holding the hottest partition, so only the figures that always hold are checked.
        assertThat(densest.get("rows").asLong()).isPositive();
    }

    @Test
    void exportByRangeHasTheRowsAndBytesOfTheFile() throws Exception {
        Path out = tmp.resolve("even.csv");
        Path report = tmp.resolve("export-ranges.csv");
        CliRun run = CliRun.of(args("export", "-k", "insights", "-t", "even", "--splits", "32", "--out", out.toString(),
                "--by-range", report.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] file = Files.readAllBytes(out);
        long header = 0;
        while (file[(int) header] != '\n') {
            header++;
        }
        header++; // the header's line end (CRLF by default) is the file's, not a range's
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(rows), sum(bytes) FROM read_csv('" + report
                     + "', header = true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(32);
            assertThat(rs.getLong(2)).isEqualTo(EVEN_ROWS);
            assertThat(rs.getLong(3)).as("every byte after the header belongs to a range").isEqualTo(Files.size(out) - header);
        }
    }

    @Test
    void topPartitionsFindsTheHotOnesWithTokensAndOwners() throws Exception {
        CliRun json = CliRun.of(args("count", "-k", "insights", "-t", "hot", "--top-partitions", "3", "--json"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(json.out());
        assertThat(result.get("rows").asLong()).as("grouping keeps the count exact").isEqualTo(totalHotRows());
        JsonNode top = result.get("topPartitions");
        assertThat(top).hasSize(3);
        for (int i = 0; i < HOT.length; i++) {
            JsonNode p = top.get(i);
            assertThat(p.get("key").get(0).asText()).isEqualTo(Long.toString(HOT[i][0]));
            assertThat(p.get("rows").asLong()).isEqualTo(HOT[i][1]);
            assertThat(Long.parseLong(p.get("token").asText())).isEqualTo(Murmur3.tokenOfBigint(HOT[i][0]));
            assertThat(p.get("owners")).as("replication factor 2").hasSize(2);
        }

        CliRun text = CliRun.of(args("count", "-k", "insights", "-t", "hot", "--top-partitions", "2", "--splits", "200"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        List<String> lines = text.out().strip().lines().toList();
        assertThat(lines.get(0)).isEqualTo(Long.toString(totalHotRows()));
        assertThat(lines.get(1)).isEqualTo("Top 2 partitions by rows:");
        assertThat(lines.get(2)).contains("p=" + HOT[0][0], "rows 700", "token " + Murmur3.tokenOfBigint(HOT[0][0]), "owners 127.");
        assertThat(lines.get(3)).contains("p=" + HOT[1][0], "rows 450");
        assertThat(lines).hasSize(4);
    }

    @Test
    void estimateIsLabelledWithItsCaveatsAndPositiveAfterAFlush() throws Exception {
        NodeJmx.flushAndRefreshEstimates(sandbox.cluster().settings(), "insights", "even");
        CliRun text = CliRun.of(args("count", "-k", "insights", "-t", "even", "--estimate"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Estimate: about ").contains("partitions", "insights.even",
                "from system.size_estimates on 3 of 3 nodes", "Not an exact count", "flushed to disk",
                "every few minutes", "partitions, not rows");

        CliRun json = CliRun.of(args("count", "-k", "insights", "-t", "even", "--estimate", "--json"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(json.out());
        assertThat(e.get("estimate").asBoolean()).isTrue();
        assertThat(e.get("known").asBoolean()).isTrue();
        // Cassandra's estimate comes from sstable cardinality sketches: near the truth, not equal to it.
        assertThat(e.get("partitions").asLong()).isBetween(EVEN_ROWS / 2, EVEN_ROWS * 2);
        assertThat(e.get("bytes").asLong()).isPositive();
        assertThat(e.get("nodesAnswered").asInt()).isEqualTo(3);
        assertThat(e.get("caveat").asText()).contains("flushed to disk");
    }

    @Test
    void badInsightOptionsSayWhatToDo() {
        CliRun zero = CliRun.of(args("count", "-k", "insights", "-t", "hot", "--top-partitions", "0"));
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--top-partitions must be between 1 and 10,000 (got 0)");

        CliRun both = CliRun.of(args("count", "-k", "insights", "-t", "hot", "--estimate", "--top-partitions", "5"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--estimate reads no range", "run those without --estimate");

        CliRun folder = CliRun.of(args("count", "-k", "insights", "-t", "hot", "--by-range",
                tmp.resolve("missing/ranges.csv").toString()));
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("--by-range: the folder", "does not exist. Create it");
    }

    private static long totalHotRows() {
        long rows = (long) SMALL_PARTITIONS * ROWS_PER_SMALL;
        for (long[] p : HOT) {
            rows += p[1];
        }
        return rows;
    }
}
