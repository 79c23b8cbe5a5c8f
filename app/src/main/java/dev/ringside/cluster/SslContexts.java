package dev.ringside.cluster;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Builds an {@link SSLContext} from {@link TlsSettings}. Trust comes from the truststore, else the PEM CA file, else
 * the Java runtime's default CAs; a client keystore never changes what is trusted.
 */
final class SslContexts {

    private SslContexts() {
    }

    static SSLContext create(TlsSettings tls) throws ConnectionException {
        TrustManagerFactory tmf = null;
        try {
            if (tls.truststore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                KeyStore trusted = load(tls.truststore(), tls.truststorePassword(), "truststore");
                if (!hasCertificate(trusted)) {
                    throw setup("The truststore " + tls.truststore() + " holds no certificate"
                            + (tls.truststorePassword() == null ? " that can be read without its password: give the "
                            + "truststore password." : ". Import the cluster's CA certificate into it."), null);
                }
                tmf.init(trusted);
            } else if (tls.caCertificate() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(caStore(tls.caCertificate()));
            }
            KeyManagerFactory kmf = null;
            if (tls.keystore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                KeyStore keys = load(tls.keystore(), tls.keystorePassword(), "keystore");
                try {
                    kmf.init(keys, chars(tls.keystorePassword()));
                } catch (UnrecoverableKeyException e) {
                    throw setup("The key in the client keystore " + tls.keystore()
                            + " cannot be opened with the keystore's password. Check the keystore password.", e);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw setup("Cannot set up TLS: " + e.getMessage() + ".", e);
        }
    }

    private static KeyStore caStore(Path pem) throws ConnectionException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw setup("Cannot set up TLS: " + e.getMessage() + ".", e);
        }
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw setup("Cannot read the CA certificate file " + pem + ": " + e.getMessage() + ".", e);
        } catch (CertificateException e) {
            throw setup("The CA certificate file " + pem + " holds no readable certificate. It must be PEM "
                    + "(-----BEGIN CERTIFICATE-----) or DER.", e);
        }
        if (certs.isEmpty()) {
            throw setup("The CA certificate file " + pem + " holds no certificate. It must be PEM "
                    + "(-----BEGIN CERTIFICATE-----).", null);
        }
        int i = 0;
        for (Certificate cert : certs) {
            store.setCertificateEntry("ca-" + i++, cert);
        }
        return store;
    }

    private static KeyStore load(Path file, String password, String what) throws ConnectionException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase();
        boolean jks = name.endsWith(".jks");
        KeyStore store = KeyStore.getInstance(jks ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw setup("Cannot open the " + what + " " + file + ": "
                        + (password == null ? "it needs a password, and none was given." : "its password is wrong.")
                        + " Check the " + what + " password.", e);
            }
            throw setup("Cannot read the " + what + " " + file + " (" + e.getMessage() + "). It must be a PKCS#12 "
                    + "file (.p12, .pfx) or a Java keystore (.jks).", e);
        } catch (CertificateException e) {
            throw setup("Cannot read the certificates in the " + what + " " + file + ": " + e.getMessage() + ".", e);
        }
        return store;
    }

    private static boolean hasCertificate(KeyStore store) throws GeneralSecurityException {
        for (var aliases = store.aliases(); aliases.hasMoreElements(); ) {
            if (store.getCertificate(aliases.nextElement()) != null) {
                return true;
            }
        }
        return false;
    }

    private static ConnectionException setup(String message, Throwable cause) {
        return new ConnectionException(ConnectionException.Kind.TLS_SETUP, message, cause);
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
