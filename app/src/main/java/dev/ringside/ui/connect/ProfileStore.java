package dev.ringside.ui.connect;

import dev.ringside.ui.common.AppFiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Saved connection profiles, in {@code profiles.json} in the config folder. */
public final class ProfileStore {

    static final String FILE = "profiles.json";
    private final AppFiles files;

    public ProfileStore(AppFiles files) {
        this.files = files;
    }

    public List<ConnectionProfile> load() {
        return new ArrayList<>(Arrays.asList(files.read(FILE, ConnectionProfile[].class, new ConnectionProfile[0])));
    }

    public void save(List<ConnectionProfile> profiles) throws IOException {
        files.write(FILE, profiles.toArray(ConnectionProfile[]::new));
    }

    public SecretBox secrets() {
        return new SecretBox(files.file("secret.key"));
    }
}
