package dev.ringside.cli;

import dev.ringside.testing.SecretFiles;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.engine.export.ExportEngineTestAccess;
import dev.ringside.testing.ExportChecks;
import dev.ringside.testing.ExportChecks.Format;
import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
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

/**
 * A one-node ring whose only token is -2^63, as the evenly spaced token formula gives node 0: the driver reports it
 * as the one range {@code (MIN, MIN]}. Ringside used to read it as {@code (MIN, MAX]} plus {@code [MIN, MIN]}, and
 * Cassandra reads the second as the whole ring again: every row came out twice.
 */
@ExtendWith(TlsSandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTokenRingTest {

    private static final int ROWS = 1_000;
    private TlsSandbox sandbox;
    private Path passwordFile;

    @BeforeAll
    void setUp(TlsSandbox sandbox, @TempDir Path tmp) throws Exception {
        this.sandbox = sandbox;
        CqlSession session = sandbox.session();
        assertThat(session.getMetadata().getTokenMap().orElseThrow().getTokenRanges()).hasSize(1);
        sandbox.recreateKeyspace("one_token");
        session.execute("CREATE TABLE one_token.t (id uuid, n bigint, t text, d double, ts timestamp, PRIMARY KEY (id))");
        session.checkSchemaAgreement();
        ExportEngineTestAccess.fill(session, "one_token.t", ROWS);
        passwordFile = SecretFiles.write(tmp.resolve("password"), sandbox.password() + "\n");
    }

    private String[] args(String command, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--host", sandbox.host(), "--tls-ca", sandbox.caPem().toString(),
                "--user", sandbox.user(), "--password-file", passwordFile.toString(), "--keyspace", "one_token", "--table", "t"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void countIsExact() throws Exception {
        for (String splits : List.of("1", "7", "256")) {
            CliRun run = CliRun.of(args("count", "--splits", splits, "--json", "--quiet"));
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("rows").asLong()).as("%s splits", splits).isEqualTo(ROWS);
            assertThat(json.get("complete").asBoolean()).isTrue();
        }
    }

    @Test
    void exportHoldsEveryRowOnce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("one_token.csv");
        CliRun run = CliRun.of(args("export", "--splits", "16", "--out", out.toString(), "--quiet"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ExportChecks.fileRows(Format.CSV, List.of(out)))
                .hasSize(ROWS)
                .isEqualTo(ExportChecks.tableRows(sandbox.session(), "one_token.t"));
    }
}
