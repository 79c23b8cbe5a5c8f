package dev.ringside.ui.connect;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.settings.SettingsFile;
import dev.ringside.ui.common.AppFiles;
import dev.ringside.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Export and import of profiles: a file without any password, and an import that adds without replacing. */
class ProfileSharingTest {

    @TempDir
    Path dir;

    private ConnectViewModel vm(Path config) {
        return new ConnectViewModel(settings -> new FakeClusterConnection(), new SyncTaskRunner(),
                new ProfileStore(new AppFiles(config)), c -> { });
    }

    private static void save(ConnectViewModel vm, String name, String hosts, boolean rememberPassword) {
        vm.profiles().selectedProperty().set(null);
        vm.profiles().nameProperty().set(name);
        vm.contactPoints().hostsProperty().set(hosts);
        vm.auth().userProperty().set("analyst");
        vm.auth().passwordProperty().set("hunter2-secret");
        vm.auth().rememberPasswordProperty().set(rememberPassword);
        vm.tls().verifyHostnameProperty().set(false);
        vm.saveProfile();
    }

    @Test
    void profilesRoundTripWithoutPasswordsAndMergeOnImport() throws Exception {
        ConnectViewModel mine = vm(dir.resolve("mine"));
        save(mine, "prod", "10.0.0.5, 10.0.0.6", true);
        save(mine, "test", "127.0.0.1", false);
        assertThat(mine.profiles().saved().get(0).encryptedPassword()).isNotNull();
        Path file = dir.resolve("profiles.json");
        mine.exportProfiles(file);
        assertThat(mine.statusProperty().get()).startsWith("Saved 2 profiles to");

        String text = Files.readString(file);
        assertThat(text).contains("\"prod\"", "10.0.0.5, 10.0.0.6", "\"analyst\"")
                .doesNotContain("hunter2", "encryptedPassword", mine.profiles().saved().get(0).encryptedPassword());
        assertThat(new SettingsFile().read(file).profiles()).hasSize(2);

        // A colleague already has "test" as it is, and another "prod".
        ConnectViewModel theirs = vm(dir.resolve("theirs"));
        save(theirs, "prod", "192.168.1.9", false);
        save(theirs, "test", "127.0.0.1", false);
        theirs.importProfiles(file);
        assertThat(theirs.statusProperty().get()).startsWith("Imported one profile (1 already saved)");
        assertThat(theirs.profiles().saved()).extracting(ConnectionProfile::name)
                .containsExactly("prod", "prod (imported)", "test");
        ConnectionProfile imported = theirs.profiles().saved().get(1);
        assertThat(imported.hosts()).isEqualTo("10.0.0.5, 10.0.0.6");
        assertThat(imported.verifyHostname()).isFalse();
        assertThat(imported.encryptedPassword()).isNull();
        assertThat(theirs.profiles().saved().get(0).hosts()).isEqualTo("192.168.1.9");
        // Kept on disk, and importing again adds nothing.
        theirs.importProfiles(file);
        assertThat(new ProfileStore(new AppFiles(dir.resolve("theirs"))).load()).hasSize(3);
    }

    @Test
    void aJobSettingsFileHoldsNoProfiles() throws Exception {
        Path file = Files.writeString(dir.resolve("jobs.json"),
                "{\"format\":\"ringside-settings\",\"version\":1,\"jobs\":[]}");
        ConnectViewModel vm = vm(dir.resolve("mine"));
        vm.importProfiles(file);
        assertThat(vm.statusProperty().get()).startsWith("jobs.json holds no profiles");
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
    }
}
