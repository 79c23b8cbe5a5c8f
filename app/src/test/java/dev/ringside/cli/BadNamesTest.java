package dev.ringside.cli;

import dev.ringside.testing.SecretFiles;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.Inserts;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inputs only the cluster can judge, on the shared sandbox: quoted and unicode names, unknown names, filters
 * the server refuses, consistency levels. The table: arguments → exit code → a phrase the message must contain.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadNamesTest {

    /** Cassandra 5 refuses this table name (only letters, digits and _ are allowed): see the test below. */
    private static final String UNICODE = "Ünïcode Täble";
    private SharedSandbox sandbox;
    private Path passwordFile;
    @TempDir
    Path dir;

    @BeforeAll
    void setUp(SharedSandbox sandbox, @TempDir Path tmp) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        sandbox.recreateKeyspace("badinput", 1);
        session.execute("CREATE TABLE badinput.\"MixedCase\" (id int PRIMARY KEY, \"Näme Ü\" text)");
        session.execute("CREATE TABLE badinput.plain (id int PRIMARY KEY, kind text)");
        session.execute("CREATE TABLE badinput.\"Twin\" (id int PRIMARY KEY)");
        session.execute("CREATE TABLE badinput.twin (id int PRIMARY KEY)");
        session.checkSchemaAgreement();
        PreparedStatement insert = session.prepare("INSERT INTO badinput.\"MixedCase\" (id, \"Näme Ü\") VALUES (?, 'ü')");
        Inserts.run(session, 321, i -> insert.bind((int) i));
        PreparedStatement plain = session.prepare("INSERT INTO badinput.plain (id, kind) VALUES (?, 'k')");
        Inserts.run(session, 100, i -> plain.bind((int) i));
        passwordFile = SecretFiles.write(tmp.resolve("password"), SandboxSettings.PASSWORD + "\n");
    }

    private CliRun run(String command, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--host", sandbox.host(), "--user", SandboxSettings.USER,
                "--password-file", passwordFile.toString(), "--quiet"));
        a.addAll(Arrays.asList(extra));
        if (command.equals("export")) {
            a.addAll(List.of("--out", dir.resolve("out-" + System.nanoTime() + ".csv").toString()));
        }
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void cassandraRefusesAUnicodeTableNameSoOnlyColumnsCanBeUnicode() {
        assertThatThrownBy(() -> sandbox.session().execute("CREATE TABLE badinput.\"" + UNICODE + "\" (id int PRIMARY KEY)"))
                .hasMessageContaining("must not be empty or not contain non-alphanumeric-underscore characters");
    }

    @ParameterizedTest(name = "count --table {0}")
    @ValueSource(strings = {"MixedCase", "\"MixedCase\"", "mixedcase", "MIXEDCASE"})
    void aQuotedMixedCaseTableCountsAsTypedOrQuoted(String name) {
        CliRun run = run("count", "--keyspace", "badinput", "--table", name);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("321");
    }

    @Test
    void aUnicodeColumnNameWithASpaceExports() throws Exception {
        Path out = dir.resolve("ü.csv");
        CliRun export = CliRun.of("export", "--host", sandbox.host(), "--user", SandboxSettings.USER, "--password-file",
                passwordFile.toString(), "--quiet", "--keyspace", "badinput", "--table", "\"MixedCase\"",
                "--columns", "id,Näme Ü", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(322);
        assertThat(lines.get(0)).isEqualTo("\"id\",\"Näme Ü\"");
        assertThat(lines.get(1)).endsWith(",\"ü\"");
    }

    /** ANY, the one level the CLI and the app refuse, is refused by Cassandra for a range read too. */
    @Test
    void cassandraRefusesARangeReadAtAny() {
        assertThatThrownBy(() -> sandbox.session().execute(rangeRead(DefaultConsistencyLevel.ANY)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("only supported for writes");
        assertThat(RangeJobOptions.READ_CONSISTENCY_LEVELS).doesNotContain(Consistency.ANY);
    }

    /**
     * Every level the CLI and the app accept is a valid level for a range read: it works, or (TWO and THREE at RF 1)
     * is unavailable, which is a cluster state, not bad input.
     */
    @Test
    void cassandraAcceptsARangeReadAtEveryLevelWeAccept() {
        for (Consistency level : RangeJobOptions.READ_CONSISTENCY_LEVELS) {
            try {
                assertThat(sandbox.session().execute(rangeRead(level.driverLevel())).one()).as(level.name()).isNotNull();
            } catch (UnavailableException e) {
                assertThat(level).isIn(Consistency.TWO, Consistency.THREE);
            }
        }
    }

    private static SimpleStatement rangeRead(com.datastax.oss.driver.api.core.ConsistencyLevel level) {
        return SimpleStatement.newInstance("SELECT count(*) FROM badinput.plain WHERE token(id) > ? AND token(id) <= ?",
                -100L, 100L).setConsistencyLevel(level);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("count | --keyspace | badinput | --table | nope", 2,
                        "No table 'nope' in keyspace 'badinput'; tables are: MixedCase, Twin, plain, twin."),
                Arguments.of("count | --keyspace | badinput | --table | \"Plain\"", 2, "No table '\"Plain\"' in keyspace 'badinput'"),
                Arguments.of("count | --keyspace | nokeyspace | --table | plain", 2, "No keyspace 'nokeyspace'; keyspaces are: "),
                Arguments.of("count | --keyspace | badinput | --table | Ünïcode Täble", 2, "No table 'Ünïcode Täble' in keyspace 'badinput'"),
                Arguments.of("count | --keyspace | badinput | --table | \"mixedCase\"", 2, "No table '\"mixedCase\"' in keyspace 'badinput'"),
                Arguments.of("count | --keyspace | badinput | --table | TWIN", 2,
                        "Table 'TWIN' matches several tables in keyspace 'badinput' when case is ignored: Twin, twin. Write the exact name in double quotes"),
                Arguments.of("count | --keyspace | badinput | --table | \"Twin\"", 0, ""),
                Arguments.of("count | --keyspace | badinput | --table | twin", 0, ""),
                Arguments.of("export | --keyspace | badinput | --table | nope", 2, "No table 'nope' in keyspace 'badinput'; tables are: "),
                Arguments.of("export | --keyspace | badinput | --table | plain | --columns | id,nope", 2, "nope"),
                // a filter the server cannot parse or refuses: its own message, plainly
                Arguments.of("export | --keyspace | badinput | --table | plain | --where | kind = = 'k'", 2,
                        "filter condition does not work here: line 1:86 no viable alternative at input '='"),
                Arguments.of("export | --keyspace | badinput | --table | plain | --where | nope = 1 ALLOW FILTERING", 2,
                        "filter condition does not work here: Undefined column name nope in table badinput.plain"),
                Arguments.of("export | --keyspace | badinput | --table | plain | --where | kind = 'k' ALLOW FILTERING", 0, ""),
                // every read consistency level the CLI accepts works for a range read (RF 1 here, so TWO and
                // THREE are unavailable: that is an incomplete count, exit 1, not bad input)
                Arguments.of("count | --keyspace | badinput | --table | plain | --consistency | ALL", 0, ""),
                Arguments.of("count | --keyspace | badinput | --table | plain | --consistency | LOCAL_QUORUM", 0, ""),
                Arguments.of("count | --keyspace | badinput | --table | plain | --consistency | ONE", 0, ""));
    }

    @ParameterizedTest(name = "[{index}] {0} → exit {1}: {2}")
    @MethodSource("cases")
    void eachBadNameOrFilterGetsOneClearMessage(String args, int exitCode, String phrase) {
        List<String> argv = Arrays.asList(args.split(" \\| ", -1));
        CliRun run = run(argv.get(0), argv.subList(1, argv.size()).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err()).contains(phrase);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        if (exitCode != 0) {
            assertThat(run.err().strip().lines().count()).as("one short message:%n%s", run.err()).isLessThanOrEqualTo(2);
            assertThat(run.out()).isEmpty();
        }
    }
}
