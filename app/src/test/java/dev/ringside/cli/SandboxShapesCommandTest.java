package dev.ringside.cli;

import dev.ringside.testing.TlsSandbox;
import dev.ringside.testing.TlsSandboxExtension;
import dev.ringside.testing.TwoDcSandbox;
import dev.ringside.testing.TwoDcSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sandbox status} finds a sandbox's shape (address base, TLS, datacenters) from its folder alone, and
 * {@code sandbox up} refuses shapes it cannot make before it starts anything.
 */
@ExtendWith({TlsSandboxExtension.class, TwoDcSandboxExtension.class})
class SandboxShapesCommandTest {

    @Test
    void statusOfATlsSandboxNamesItsAddressAndCaFromTheFolderAlone(TlsSandbox sandbox) {
        CliRun run = CliRun.of("sandbox", "status", "--dir", sandbox.cluster().settings().dir().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("node 1  " + sandbox.host()).contains("up (pid ")
                .contains("TLS required; CA certificate: " + sandbox.caPem().toAbsolutePath())
                .contains(sandbox.truststore().toAbsolutePath().toString());
    }

    @Test
    void statusOfATwoDatacenterSandboxShowsEachNodesDatacenter(TwoDcSandbox sandbox) {
        CliRun run = CliRun.of("sandbox", "status", "--dir", sandbox.cluster().settings().dir().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String node1 = sandbox.cluster().settings().contactPoint(1);
        String node2 = sandbox.cluster().settings().contactPoint(2);
        assertThat(run.out()).containsPattern("node 1  " + node1.replace(".", "\\.") + " +dc1  up")
                .containsPattern("node 2  " + node2.replace(".", "\\.") + " +dc2  up");
    }

    @Test
    void upRefusesAnAddressOutsideLoopbackAndMoreDatacentersThanNodes(@TempDir Path dir) {
        CliRun outside = CliRun.of("sandbox", "up", "--dir", dir.toString(), "--address-base", "10.0.0");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("--address-base must be the first three parts of a loopback address");
        CliRun dcs = CliRun.of("sandbox", "up", "--dir", dir.toString(), "--nodes", "2", "--datacenters", "3");
        assertThat(dcs.exitCode()).isEqualTo(2);
        assertThat(dcs.err()).contains("--datacenters must be between 1 and the number of nodes, 2");
        CliRun tokens = CliRun.of("sandbox", "up", "--dir", dir.toString(), "--nodes", "2", "--num-tokens", "1",
                "--initial-token", "0");
        assertThat(tokens.exitCode()).isEqualTo(2);
        assertThat(tokens.err()).contains("Give an initial token for every node (2)");
    }

    @Test
    void downAndStatusOfAFolderWithoutASandboxSaySo(@TempDir Path dir) {
        CliRun down = CliRun.of("sandbox", "down", "--dir", dir.toString());
        assertThat(down.exitCode()).isZero();
        assertThat(down.out()).contains("No sandbox in " + dir + ": nothing to stop.");
        CliRun status = CliRun.of("sandbox", "status", "--dir", dir.toString());
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("No sandbox in " + dir);
    }
}
