package dev.ringside.ui.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The key that protects remembered passwords: private from its creation, and one key for every app instance. */
class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsOwnerOnly() throws Exception {
        Path key = dir.resolve("config").resolve("secret.key");
        SecretBox box = new SecretBox(key);
        String sealed = box.encrypt("s3cret");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(new SecretBox(key).decrypt(sealed)).isEqualTo("s3cret");
        try (var files = Files.list(key.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.key");
        }
    }

    /**
     * Instances of the app starting at the same moment each find no key: all must end up with the same one, so that
     * what one encrypts, the others (and the next start) can decrypt.
     */
    @Test
    void instancesStartingTogetherShareOneKey() throws Exception {
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 40; round++) {
                Path key = dir.resolve("round" + round).resolve("secret.key");
                CyclicBarrier together = new CyclicBarrier(instances);
                List<Future<String>> sealed = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    String secret = "password-" + i;
                    Callable<String> instance = () -> {
                        SecretBox box = new SecretBox(key);
                        together.await();
                        return box.encrypt(secret);
                    };
                    sealed.add(pool.submit(instance));
                }
                SecretBox later = new SecretBox(key);
                for (int i = 0; i < instances; i++) {
                    assertThat(later.decrypt(sealed.get(i).get())).as("round %d, instance %d", round, i)
                            .isEqualTo("password-" + i);
                }
                assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
