package dev.ringside.ui.connect;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts remembered passwords with AES-256-GCM under a random key kept in {@code secret.key} beside the profiles,
 * readable by the owner only. This keeps passwords out of plain text (a profile file shared or shown on screen gives
 * nothing away); it does not protect against someone who can read your files as you.
 */
public final class SecretBox {

    private static final int NONCE = 12;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();

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
            throw new IOException("Could not encrypt the password: " + e.getMessage(), e);
        }
    }

    public String decrypt(String sealed) throws IOException {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The remembered password cannot be read (was " + keyFile.getFileName()
                    + " replaced?). Type the password again.", e);
        }
    }

    private byte[] key() throws IOException {
        if (Files.isRegularFile(keyFile)) {
            return Files.readAllBytes(keyFile);
        }
        Files.createDirectories(keyFile.getParent());
        byte[] key = new byte[32];
        random.nextBytes(key);
        Files.write(keyFile, key);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        }
        return key;
    }
}
