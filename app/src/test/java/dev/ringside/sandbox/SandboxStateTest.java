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
    void aSingleAddressSandboxKeepsItsPortsAcrossARoundTrip() throws Exception {
        SandboxSettings shaped = SandboxSettings.user(dir, 3, false).withSingleAddress(true, 19042);
        SandboxState.of(shaped, List.of(1L, 2L, 3L)).write(shaped.stateFile());
        SandboxSettings read = SandboxState.read(shaped.stateFile()).orElseThrow().applyTo(SandboxSettings.user(dir, 1, false));
        assertThat(read).isEqualTo(shaped);
        assertThat(List.of(read.contactPoint(1), read.contactPoint(2), read.contactPoint(3)))
                .containsExactly("127.0.0.1:19042", "127.0.0.1:19043", "127.0.0.1:19044");
        assertThat(List.of(read.storagePort(1), read.storagePort(2), read.storagePort(3))).containsExactly(19142, 19143, 19144);
    }

    @Test
    void eachNodeOnItsOwnAddressSharesThePorts() {
        SandboxSettings settings = SandboxSettings.user(dir, 3, false);
        assertThat(List.of(settings.contactPoint(1), settings.contactPoint(3))).containsExactly("127.0.0.1:9042", "127.0.0.3:9042");
        assertThat(settings.storagePort(3)).isEqualTo(7000);
    }

    @Test
    void aMachineThatCannotListenOnTheSecondAddressGetsTheSingleAddressModeByItself() {
        SandboxSettings settings = SandboxSettings.user(dir, 3, false);
        LoopbackProbe onlyFirst = address -> address.equals("127.0.0.1"); // as on macOS
        SandboxSettings fitted = settings.fitTo(onlyFirst);
        assertThat(fitted.singleAddress()).isTrue();
        assertThat(List.of(fitted.contactPoint(1), fitted.contactPoint(2))).containsExactly("127.0.0.1:9042", "127.0.0.1:9043");

        assertThat(settings.fitTo(address -> true)).as("Linux answers on all of 127.0.0.0/8").isSameAs(settings);
        assertThat(SandboxSettings.user(dir, 1, false).fitTo(onlyFirst).singleAddress()).as("one node needs one address").isFalse();
        assertThat(LoopbackProbe.SYSTEM.canBind("127.0.0.1")).isTrue();
    }

    @Test
    void windowsIsToldAtOnceWhatWorksAndWhatToDo() {
        assertThat(SandboxSettings.unsupportedOn("Windows 11")).get().asString()
                .contains("does not run on Windows", "WSL 2", "--single-address", "any cluster it can reach");
        assertThat(SandboxSettings.unsupportedOn("Linux")).isEmpty();
        assertThat(SandboxSettings.unsupportedOn("Mac OS X")).isEmpty();
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
        assertThatThrownBy(() -> base.withSingleAddress(true, 65_500)).hasMessageContaining("--port-base must be between 1024 and 65434");
        assertThatThrownBy(() -> base.withSingleAddress(false, 80)).hasMessageContaining("--port-base must be between 1024");
    }
}
