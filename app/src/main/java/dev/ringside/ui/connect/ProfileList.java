package dev.ringside.ui.connect;

import dev.ringside.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * The saved profiles, read and written through the {@link TaskRunner}, off the UI thread: loading them, saving
 * (with the password encrypted, which reads or creates the key file), deleting, and reading a remembered password.
 * Changes to the file run one at a time, in the order they were asked for, each from the list the one before left.
 */
public final class ProfileList {

    /** A change to the saved list, worked out in the background from the list as it is. */
    private interface Change {
        List<ConnectionProfile> apply(List<ConnectionProfile> current) throws IOException;
    }

    private record Pending(String name, Change change, Runnable done, Consumer<Throwable> failed) {
    }

    private final ProfileStore store;
    private final TaskRunner runner;
    private final ObservableList<ConnectionProfile> saved = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final Queue<Pending> pending = new ArrayDeque<>();
    private boolean working;

    ProfileList(ProfileStore store, TaskRunner runner, Consumer<Throwable> loadFailed) {
        this.store = store;
        this.runner = runner;
        enqueue(new Pending("load-profiles", current -> store.load(), () -> { }, loadFailed));
    }

    /**
     * Saves (or replaces) {@code profile}, which holds no password; {@code password} (or null) is encrypted into it
     * first. {@code done} hears whether a password was kept.
     */
    void save(ConnectionProfile profile, String password, Consumer<Boolean> done, Consumer<Throwable> failed) {
        enqueue(new Pending("save-profile", current -> {
            ConnectionProfile sealed = password == null ? profile : profile.withEncryptedPassword(store.secrets().encrypt(password));
            List<ConnectionProfile> all = new ArrayList<>(current);
            all.removeIf(p -> p.name().equals(profile.name()));
            all.add(sealed);
            all.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
            store.save(all);
            return all;
        }, () -> done.accept(password != null), failed));
    }

    /**
     * Adds shared profiles (which hold no password) to the saved ones: a new name is added, a profile whose settings
     * are already saved (under any name) is left out, and one whose name is taken by other settings is added as
     * "name (imported)" so that nothing saved is replaced. {@code done} hears how many were added.
     */
    void importProfiles(List<ConnectionProfile> incoming, Consumer<Integer> done, Consumer<Throwable> failed) {
        int[] added = {0};
        enqueue(new Pending("import-profiles", current -> {
            List<ConnectionProfile> all = new ArrayList<>(current);
            for (ConnectionProfile p : incoming) {
                ConnectionProfile bare = p.withEncryptedPassword(null);
                if (all.stream().anyMatch(q -> sameSettings(q, bare))) {
                    continue; // already saved, under this name or another (an earlier import's)
                }
                String name = p.name();
                for (int i = 1; named(all, name); i++) {
                    name = p.name() + (i == 1 ? " (imported)" : " (imported " + i + ")");
                }
                all.add(bare.withName(name));
                added[0]++;
            }
            all.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
            store.save(all);
            return all;
        }, () -> done.accept(added[0]), failed));
    }

    /** The same cluster and options, whatever the name and the remembered password. */
    private static boolean sameSettings(ConnectionProfile a, ConnectionProfile b) {
        return a.withName("").withEncryptedPassword(null).equals(b.withName("").withEncryptedPassword(null));
    }

    private static boolean named(List<ConnectionProfile> all, String name) {
        return all.stream().anyMatch(q -> q.name().equals(name));
    }

    void delete(ConnectionProfile profile, Runnable done, Consumer<Throwable> failed) {
        enqueue(new Pending("delete-profile", current -> {
            List<ConnectionProfile> all = new ArrayList<>(current);
            all.remove(profile);
            store.save(all);
            return all;
        }, done, failed));
    }

    /** Decrypts a remembered password in the background; {@code done} gets it on the UI thread. */
    void unseal(ConnectionProfile profile, Consumer<String> done, Consumer<Throwable> failed) {
        runner.run("read-password", () -> store.secrets().decrypt(profile.encryptedPassword()), done, failed);
    }

    private void enqueue(Pending change) {
        pending.add(change);
        if (!working) {
            next();
        }
    }

    private void next() {
        Pending p = pending.poll();
        working = p != null;
        if (p == null) {
            return;
        }
        List<ConnectionProfile> current = List.copyOf(saved);
        runner.run(p.name(), () -> p.change().apply(current), all -> {
            saved.setAll(all);
            p.done().run();
            next();
        }, error -> {
            p.failed().accept(error);
            next();
        });
    }

    public ObservableList<ConnectionProfile> saved() { return saved; }
    public ObjectProperty<ConnectionProfile> selectedProperty() { return selected; }
    public StringProperty nameProperty() { return name; }
}
