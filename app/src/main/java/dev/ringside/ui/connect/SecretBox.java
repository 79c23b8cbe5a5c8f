package dev.ringside.ui.connect;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts remembered passwords with AES-256-GCM under a random key kept in {@code secret.key} beside the profiles,
 * readable by the owner only (created so, on POSIX systems; on Windows the file inherits the private ACL of the
 * user's application-data folder). This keeps passwords out of plain text (a profile file shared or shown on screen
 * gives nothing away); it does not protect against someone who can read your files as you. Two instances of the app
 * starting at once agree on one key: the second one to finish writing reads the first one's.
 */
public final class SecretBox {

    private static final int NONCE = 12;
    private static final int KEY_BYTES = 32;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private final ConnectTexts texts = new ConnectTexts();

    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    public String encrypt(String secret) throws IOException {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IOException(texts.get("secret.encryptFailed", e.getMessage()), e);
        }
    }

    public String decrypt(String sealed) throws IOException {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(texts.get("secret.unreadable", keyFile.getFileName()), e);
        }
    }

    private byte[] key() throws IOException {
        if (Files.exists(keyFile)) {
            return readKey();
        }
        Files.createDirectories(keyFile.getParent());
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        // Written whole under a temporary name, created owner-only (never widened then narrowed), then linked under
        // the final name, which fails if another instance got there first: then its key is the key.
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(keyFile.getParent(), ".secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(keyFile.getParent(), ".secret", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            try {
                publish(tmp);
                return key;
            } catch (FileAlreadyExistsException e) {
                return readKey();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Puts the finished key file in place without ever replacing one that exists. */
    private void publish(Path tmp) throws IOException {
        try {
            Files.createLink(keyFile, tmp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            // No hard links here (e.g. FAT): a plain rename refuses an existing target (checked first on POSIX,
            // by the rename itself on Windows).
            Files.move(tmp, keyFile);
        }
    }

    private byte[] readKey() throws IOException {
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new IOException(texts.get("secret.damaged", keyFile, Integer.toString(key.length),
                    Integer.toString(KEY_BYTES)));
        }
        return key;
    }
}
