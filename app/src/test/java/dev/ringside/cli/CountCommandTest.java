package dev.ringside.cli;

import dev.ringside.testing.SecretFiles;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringside count} as a user runs it: output, exit codes and messages for each bad input. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountCommandTest {

    private SharedSandbox sandbox;
    private Path passwordFile;
    private Path wrongPasswordFile;

    @BeforeAll
    void setUp(SharedSandbox sandbox, @TempDir Path tmp) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("cli", 2);
        session.execute("CREATE TABLE cli.items (id int PRIMARY KEY, name text)");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO cli.items (id, name) VALUES (?, 'n')");
        Inserts.run(session, 12_345, i -> insert.bind((int) i));
        passwordFile = SecretFiles.write(tmp.resolve("password"), SandboxSettings.PASSWORD + "\n");
        wrongPasswordFile = SecretFiles.write(tmp.resolve("wrong"), "not-the-password\n");
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("count", "--host", sandbox.host(), "--user", SandboxSettings.USER,
                "--password-file", passwordFile.toString()));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void printsTheExactCountOnStdout() {
        CliRun run = CliRun.of(args("--keyspace", "cli", "--table", "items", "--splits", "100", "--parallelism", "4"));
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().trim()).isEqualTo("12345");
        assertThat(run.err()).contains("cli.items: 12,345 rows");
    }

    @Test
    void jsonIsOneObjectOnOneLine() throws Exception {
        CliRun run = CliRun.of(args("--keyspace", "cli", "--table", "items", "--json", "--quiet"));
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("rows").asLong()).isEqualTo(12_345);
        assertThat(json.get("ranges").asInt()).isGreaterThanOrEqualTo(48);
        assertThat(json.get("failedRanges").asInt()).isZero();
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(json.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(json.get("complete").asBoolean()).isTrue();
    }

    /** Cassandra reads a range ending at -2^63 as the whole ring; no row has that token, so the answer is 0. */
    @Test
    void endTokenAtTheMinimumCountsNothing() throws Exception {
        CliRun run = CliRun.of(args("--keyspace", "cli", "--table", "items", "--end-token", String.valueOf(Long.MIN_VALUE),
                "--json", "--quiet"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("rows").asLong()).isZero();
        assertThat(json.get("complete").asBoolean()).isTrue();
    }

    @Test
    void tokenBoundsSplitTheTableExactly() {
        long half = 0;
        CliRun low = CliRun.of(args("--keyspace", "cli", "--table", "items", "--end-token", String.valueOf(half), "--quiet"));
        CliRun high = CliRun.of(args("--keyspace", "cli", "--table", "items", "--start-token", String.valueOf(half), "--quiet"));
        assertThat(low.exitCode()).as(low.err()).isZero();
        assertThat(high.exitCode()).as(high.err()).isZero();
        assertThat(Long.parseLong(low.out().trim()) + Long.parseLong(high.out().trim())).isEqualTo(12_345);
        assertThat(Long.parseLong(low.out().trim())).isBetween(1L, 12_344L);
    }

    @Test
    void unknownKeyspaceSaysWhichExist() {
        CliRun run = CliRun.of(args("--keyspace", "nope", "--table", "items"));
        assertBadInput(run, "No keyspace 'nope'; keyspaces are: ");
        assertThat(run.err()).contains("cli");
    }

    @Test
    void unknownTableSaysWhichExist() {
        CliRun run = CliRun.of(args("--keyspace", "cli", "--table", "nope"));
        assertBadInput(run, "No table 'nope' in keyspace 'cli'; tables are: ");
        assertThat(run.err()).contains("items");
    }

    @Test
    void tableNamesIgnoreCaseWhenUnambiguous() {
        CliRun run = CliRun.of(args("--keyspace", "CLI", "--table", "Items", "--quiet"));
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().trim()).isEqualTo("12345");
    }

    @Test
    void unreachableHostFailsFastWithAHint() {
        CliRun run = CliRun.of("count", "--host", "127.0.0.1", "--port", "1", "--keyspace", "cli", "--table", "items");
        assertBadInput(run, "Cannot connect to Cassandra at 127.0.0.1:1");
        assertThat(run.err()).contains("nothing is listening");
    }

    @Test
    void wrongPasswordSaysSo() {
        CliRun run = CliRun.of("count", "--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file",
                wrongPasswordFile.toString(), "--keyspace", "cli", "--table", "items");
        assertBadInput(run, "Authentication failed for user 'ringside'");
    }

    @Test
    void missingCredentialsSaySoWhenTheClusterNeedsThem() {
        CliRun run = CliRun.of("count", "--host", sandbox.host(), "--keyspace", "cli", "--table", "items");
        assertBadInput(run, "requires a username and password");
    }

    @Test
    void zeroSplitsIsBadInput() {
        assertBadInput(CliRun.of(args("--keyspace", "cli", "--table", "items", "--splits", "0")), "--splits must be between 1 and 100,000 (got 0)");
    }

    @Test
    void negativeParallelismIsBadInput() {
        assertBadInput(CliRun.of(args("--keyspace", "cli", "--table", "items", "--parallelism", "-3")), "--parallelism must be between 1 and 1,024 (got -3)");
    }

    @Test
    void missingTableOptionIsBadUsage() {
        CliRun run = CliRun.of("count", "--keyspace", "cli");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--table=<table>'");
    }

    @Test
    void notANumberIsBadUsage() {
        CliRun run = CliRun.of(args("--keyspace", "cli", "--table", "items", "--splits", "many"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--splits").contains("many");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun run = CliRun.of("count", "--host", "127.0.0.1", "--port", "1", "--keyspace", "k", "--table", "t", "--verbose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\tat ");
    }

    private static void assertBadInput(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines().count()).as("short message:%n%s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
