package dev.ringside.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's state file keeps its shape; files written before TLS and datacenters existed still read. */
class SandboxStateTest {

    @TempDir
    Path dir;

    @Test
    void aStateFileFromBeforeTlsAndDatacentersReadsAsOnePlainDatacenter() throws Exception {
        Path file = Files.writeString(dir.resolve("sandbox.json"),
                "{\"nodes\":3,\"addressBase\":\"127.0.0\",\"nativePort\":9042,\"auth\":true,\"pids\":[0,0,0]}");
        SandboxState state = SandboxState.read(file).orElseThrow();
        SandboxSettings settings = state.applyTo(SandboxSettings.user(dir, 3, false));
        assertThat(settings.nodes()).isEqualTo(3);
        assertThat(settings.auth()).isTrue();
        assertThat(settings.tls()).isFalse();
        assertThat(settings.datacenters()).isEqualTo(1);
        assertThat(settings.localDatacenter()).isEqualTo("datacenter1");
        assertThat(settings.jmxBasePort()).isEqualTo(7200);
        assertThat(settings.numTokens()).isEqualTo(16);
        assertThat(settings.initialTokens()).isEmpty();
    }

    @Test
    void theShapeSurvivesARoundTrip() throws Exception {
        SandboxSettings shaped = SandboxSettings.user(dir, 4, true).withAddressBase("127.0.5", 7600).withDatacenters(2)
                .withTokens(1, List.of("-9223372036854775808", "-4611686018427387904", "0", "4611686018427387904"))
                .withTls(true);
        SandboxState.of(shaped, List.of(1L, 2L, 3L, 4L)).write(shaped.stateFile());
        SandboxSettings read = SandboxState.read(shaped.stateFile()).orElseThrow().applyTo(SandboxSettings.user(dir, 1, false));
        assertThat(read).isEqualTo(shaped);
        assertThat(read.datacenter(1)).isEqualTo("dc1");
        assertThat(read.datacenter(2)).isEqualTo("dc2");
        assertThat(read.datacenter(3)).isEqualTo("dc1");
        assertThat(read.address(4)).isEqualTo("127.0.5.4");
        assertThat(read.jmxPort(4)).isEqualTo(7604);
    }

    @Test
    void shapesThatCannotWorkAreRefused() {
        SandboxSettings base = SandboxSettings.user(dir, 2, false);
        assertThatThrownBy(() -> base.withAddressBase("192.168.1", 7200)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> base.withAddressBase("127.0.256", 7200)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> base.withDatacenters(3)).hasMessageContaining("between 1 and the number of nodes");
        assertThatThrownBy(() -> base.withTokens(1, List.of("0"))).hasMessageContaining("for every node (2)");
        assertThatThrownBy(() -> base.withTokens(2, List.of("0", "1"))).hasMessageContaining("needs 2 initial token(s)");
        assertThatThrownBy(() -> base.withTokens(1, List.of("0", "x"))).hasMessageContaining("not a Murmur3 token");
    }
}
