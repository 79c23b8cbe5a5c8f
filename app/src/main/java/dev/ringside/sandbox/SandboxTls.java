package dev.ringside.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and node certificates for a TLS sandbox, made with the JDK's own {@code keytool}
 * (run as a subprocess, so nothing is checked into the repository and no extra library is needed).
 *
 * <p>Layout under {@code <sandbox>/tls}: {@code ca.p12} (the CA's key; never leaves the folder), {@code ca.pem} (its
 * certificate, for {@code --tls-ca}), {@code truststore.p12} (the same certificate as a PKCS#12 truststore, for
 * {@code --tls-truststore}), {@code node<i>.p12} (node i's key and certificate chain, with the node's address as IP
 * subject alternative name) and {@code password.txt}, the one password of these stores. The password protects
 * nothing of the user's: it only exists because keytool and Cassandra insist on one.
 */
public final class SandboxTls {

    static final String CA_ALIAS = "ringside-sandbox-ca";
    static final String NODE_ALIAS = "node";
    private static final int VALIDITY_DAYS = 3650;

    private final Path dir;

    public SandboxTls(Path sandboxDir) {
        this.dir = sandboxDir.resolve("tls");
    }

    public Path dir() {
        return dir;
    }

    /** The CA certificate in PEM, for {@code --tls-ca}. */
    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** The CA certificate as a PKCS#12 truststore, for {@code --tls-truststore}. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** A file holding the password of the truststore (and of every other store here) on its first line. */
    public Path passwordFile() {
        return dir.resolve("password.txt");
    }

    Path caKeystore() {
        return dir.resolve("ca.p12");
    }

    Path nodeKeystore(int node) {
        return dir.resolve("node" + node + ".p12");
    }

    public String password() throws IOException {
        return Files.readAllLines(passwordFile(), StandardCharsets.UTF_8).get(0).trim();
    }

    /**
     * Makes the CA (once per sandbox folder) and a keystore for each node that has none yet, whose certificate names
     * the node's address.
     */
    void ensure(SandboxSettings settings) throws IOException, SandboxException {
        ensureAuthority();
        for (int node = 1; node <= settings.nodes(); node++) {
            if (!Files.isRegularFile(nodeKeystore(node))) {
                issue(nodeKeystore(node), settings.address(node), List.of("ip:" + settings.address(node)));
            }
        }
    }

    /**
     * Makes the password file, the CA and its PEM and truststore, unless they exist. On its own (without nodes) it
     * makes a CA that nothing trusts, which is what a test of an unknown CA needs.
     */
    public void ensureAuthority() throws IOException, SandboxException {
        Files.createDirectories(dir);
        if (!Files.isRegularFile(passwordFile())) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            createPrivate(passwordFile());
            Files.writeString(passwordFile(), HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.UTF_8);
        }
        String password = password();
        if (!Files.isRegularFile(caKeystore()) || !Files.isRegularFile(caPem())) {
            Files.deleteIfExists(caKeystore());
            Files.deleteIfExists(caPem());
            Files.deleteIfExists(truststore());
            keytool(null, "-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=Ringside sandbox CA " + HexFormat.of().toHexDigits(System.nanoTime()),
                    "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", Integer.toString(VALIDITY_DAYS),
                    "-keystore", caKeystore().toString(), "-storetype", "PKCS12", "-storepass", password);
            keytool(null, "-exportcert", "-rfc", "-alias", CA_ALIAS, "-keystore", caKeystore().toString(),
                    "-storetype", "PKCS12", "-storepass", password, "-file", caPem().toString());
            makePrivate(caKeystore());
        }
        if (!Files.isRegularFile(truststore())) {
            keytool(null, "-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caPem().toString(),
                    "-keystore", truststore().toString(), "-storetype", "PKCS12", "-storepass", password);
        }
    }

    /**
     * Issues a key and certificate signed by this CA into a new PKCS#12 keystore (alias {@value #NODE_ALIAS}, the
     * password of {@link #passwordFile()}).
     *
     * @param keystore where to write it
     * @param commonName the certificate's CN
     * @param subjectAltNames keytool SAN entries, e.g. {@code ip:127.0.0.1} or {@code dns:example.org}
     */
    public void issue(Path keystore, String commonName, List<String> subjectAltNames) throws IOException, SandboxException {
        String password = password();
        Path tmp = keystore.resolveSibling(keystore.getFileName() + ".tmp");
        Path csr = keystore.resolveSibling(keystore.getFileName() + ".csr");
        Path signed = keystore.resolveSibling(keystore.getFileName() + ".crt");
        Files.deleteIfExists(tmp);
        try {
            keytool(null, "-genkeypair", "-alias", NODE_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=" + commonName, "-validity", Integer.toString(VALIDITY_DAYS),
                    "-keystore", tmp.toString(), "-storetype", "PKCS12", "-storepass", password);
            keytool(null, "-certreq", "-alias", NODE_ALIAS, "-keystore", tmp.toString(), "-storetype", "PKCS12",
                    "-storepass", password, "-file", csr.toString());
            List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", CA_ALIAS,
                    "-keystore", caKeystore().toString(), "-storetype", "PKCS12", "-storepass", password,
                    "-infile", csr.toString(), "-outfile", signed.toString(), "-validity", Integer.toString(VALIDITY_DAYS),
                    "-ext", "ku:c=digitalSignature,keyAgreement", "-ext", "eku=serverAuth,clientAuth"));
            if (!subjectAltNames.isEmpty()) {
                gencert.add("-ext");
                gencert.add("san=" + String.join(",", subjectAltNames));
            }
            keytool(null, gencert.toArray(String[]::new));
            keytool(null, "-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caPem().toString(),
                    "-keystore", tmp.toString(), "-storetype", "PKCS12", "-storepass", password);
            keytool(null, "-importcert", "-noprompt", "-alias", NODE_ALIAS, "-file", signed.toString(),
                    "-keystore", tmp.toString(), "-storetype", "PKCS12", "-storepass", password);
            makePrivate(tmp);
            Files.move(tmp, keystore, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(csr);
            Files.deleteIfExists(signed);
        }
    }

    /** Creates an empty file readable by its owner only (where the file system has POSIX permissions). */
    private static void createPrivate(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Private keys of the sandbox: owner-only, like any key file, though they guard only test data. */
    private static void makePrivate(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private void keytool(Path workDir, String... args) throws IOException, SandboxException {
        Path exe = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase().contains("win") ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(exe)) {
            throw new SandboxException("The TLS sandbox needs the JDK's keytool, which this Java runtime lacks ("
                    + exe + ").");
        }
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(workDir == null ? dir.toFile() : workDir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SandboxException("keytool " + args[0] + " did not finish within 60 s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new SandboxException("Interrupted while making the sandbox certificates", e);
        }
        if (process.exitValue() != 0) {
            throw new SandboxException("keytool " + args[0] + " failed (exit " + process.exitValue() + "): " + output.strip());
        }
    }
}
