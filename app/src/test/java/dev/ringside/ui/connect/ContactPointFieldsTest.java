package dev.ringside.ui.connect;

import dev.ringside.app.DriverClusterConnection;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connect screen's contact point and port fields at and beyond their limits, without a stage or a cluster: the
 * same rules as the CLI's --host and --port (cluster/ContactPoints), shown inline.
 */
class ContactPointFieldsTest {

    @TempDir
    Path dir;

    private ConnectViewModel vm() {
        return new ConnectViewModel(DriverClusterConnection.connector(), new SyncTaskRunner(),
                new ProfileStore(new AppFiles(dir)), new ArrayList<>()::add);
    }

    /** Contact points: text → the inline error must contain (empty: accepted). */
    @ParameterizedTest(name = "hosts \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1                       | ''",
            "10.0.0.1, cassandra-2:9043      | ''",
            "host:1                          | ''",
            "host:65535                      | ''",
            "::1                             | ''",
            "host:abc                        | Contact point 'host:abc' has a port that is not a number ('abc')",
            "host:70000                      | Contact point 'host:70000' has a port out of range (70000): use 1 to 65535",
            "host:0                          | Contact point 'host:0' has a port out of range (0)",
            ":9042                           | Contact point ':9042' has no host before the port",
            "host:                           | Contact point 'host:' has no port after the colon: use host or host:9042",
            "10.0.0.1, b:x                   | Contact point 'b:x' has a port that is not a number",
            "10.0.0.1 10.0.0.2               | Contact point '10.0.0.1 10.0.0.2' contains a space: separate contact points with commas",
            "''                              | Enter at least one contact point",
            "' , '                           | Enter at least one contact point"})
    void contactPoints(String hosts, String error) {
        ConnectViewModel vm = vm();
        vm.contactPoints().hostsProperty().set(hosts);
        assertThat(vm.contactPoints().hostsErrorProperty().get()).contains(error);
        assertThat(vm.contactPoints().hostsErrorProperty().get().isEmpty()).isEqualTo(error.isEmpty());
        assertThat(vm.validProperty().get()).isEqualTo(error.isEmpty());
    }

    /** Ports: text → the inline error must contain (empty: accepted). */
    @ParameterizedTest(name = "port \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "1       | ''",
            "9042    | ''",
            "65535   | ''",
            "0       | The port must be between 1 and 65535 (got 0)",
            "-1      | The port must be between 1 and 65535 (got -1)",
            "65536   | The port must be between 1 and 65535 (got 65536)",
            "abc     | The port must be a whole number from 1 to 65535",
            "''      | The port must be a whole number from 1 to 65535",
            "99999999999 | The port must be a whole number from 1 to 65535",
            "90.42   | The port must be a whole number from 1 to 65535"})
    void ports(String port, String error) {
        ConnectViewModel vm = vm();
        vm.contactPoints().portProperty().set(port);
        assertThat(vm.contactPoints().portErrorProperty().get()).contains(error);
        assertThat(vm.contactPoints().portErrorProperty().get().isEmpty()).isEqualTo(error.isEmpty());
        assertThat(vm.validProperty().get()).isEqualTo(error.isEmpty());
    }
}
