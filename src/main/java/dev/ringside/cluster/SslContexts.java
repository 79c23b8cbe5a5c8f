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
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** Builds an {@link SSLContext} from {@link TlsSettings}. */
final class SslContexts {

    private SslContexts() {
    }

    static SSLContext create(TlsSettings tls) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = null;
        if (tls.truststore() != null) {
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(tls.truststore(), tls.truststorePassword()));
        } else if (tls.caCertificate() != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(tls.caCertificate())) {
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certs.isEmpty()) {
                    throw new GeneralSecurityException("no certificate found in " + tls.caCertificate());
                }
                int i = 0;
                for (Certificate cert : certs) {
                    store.setCertificateEntry("ca-" + i++, cert);
                }
            }
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
        }
        KeyManagerFactory kmf = null;
        if (tls.keystore() != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(tls.keystore(), tls.keystorePassword()), chars(tls.keystorePassword()));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase();
        KeyStore store = KeyStore.getInstance(name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, chars(password));
        }
        return store;
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
