package dev.ringside.cluster;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver settings Ringside chooses, and that a user's driver config file still wins over them. No cluster. */
class SessionFactoryDefaultsTest {

    private static DriverExecutionProfile profile(Path configFile) throws ConnectionException {
        ConnectionSettings settings = new ConnectionSettings(List.of("127.0.0.1"), 9042, null, null, null, null,
                configFile, ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
        return SessionFactory.configLoader(settings).getInitialConfig().getDefaultProfile();
    }

    @Test
    void closingASessionDoesNotWaitForMoreWork() throws Exception {
        // Netty's default quiet period keeps every command alive 2 s after its work is done.
        DriverExecutionProfile p = profile(null);
        assertThat(p.getInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD)).isZero();
        assertThat(p.getInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD)).isZero();
    }

    @Test
    void bulkReadsUseProtocolV4() throws Exception {
        // V5 reassembles every large page from checksummed segments: a third of the client's decoding time here.
        assertThat(profile(null).getString(DefaultDriverOption.PROTOCOL_VERSION)).isEqualTo("V4");
    }

    @Test
    void aUsersConfigFileWinsOverOurDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("application.conf"), """
                datastax-java-driver.basic.request.page-size = 1234
                datastax-java-driver.advanced.netty.io-group.shutdown.quiet-period = 3
                datastax-java-driver.advanced.protocol.version = V5
                """);
        DriverExecutionProfile p = profile(file);
        assertThat(p.getInt(DefaultDriverOption.REQUEST_PAGE_SIZE)).isEqualTo(1234);
        assertThat(p.getInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD)).isEqualTo(3);
        assertThat(p.getString(DefaultDriverOption.PROTOCOL_VERSION)).isEqualTo("V5");
        assertThat(p.getDuration(DefaultDriverOption.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
    }
}
