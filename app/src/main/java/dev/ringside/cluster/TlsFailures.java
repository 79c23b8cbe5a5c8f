package dev.ringside.cluster;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;

/** Recognises TLS handshake failures in the driver's errors and says what they mean and what to do. */
final class TlsFailures {

    private TlsFailures() {
    }

    static Optional<ConnectionException> explain(ConnectionSettings settings, Throwable failure) {
        boolean tlsFailure = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
                return Optional.of(untrusted(settings, failure));
            }
            if (t instanceof CertificateException && (message.contains("No subject alternative")
                    || message.contains("No name matching") || message.contains("does not match"))) {
                return Optional.of(new ConnectionException(ConnectionException.Kind.TLS_HOSTNAME_MISMATCH,
                        "Refused to connect to " + settings.describe() + ": the server's certificate is trusted but "
                                + "does not name the host connected to (" + message + "). Connect by a name or address "
                                + "the certificate holds, or turn host-name verification off if you accept that "
                                + "anyone with a certificate from the same CA could pose as this cluster.", failure));
            }
            tlsFailure |= t instanceof SSLHandshakeException || t instanceof SSLException;
        }
        if (tlsFailure && settings.tls() != null) {
            return Optional.of(new ConnectionException(ConnectionException.Kind.TLS_HANDSHAKE,
                    "The TLS handshake with " + settings.describe() + " failed (" + rootMessage(failure) + "). Check that "
                            + "the port speaks TLS and, if the cluster requires client certificates, give one.", failure));
        }
        return Optional.empty();
    }

    private static ConnectionException untrusted(ConnectionSettings settings, Throwable failure) {
        TlsSettings tls = settings.tls();
        String trusted = tls == null ? "nothing"
                : tls.truststore() != null ? "the truststore " + tls.truststore()
                : tls.caCertificate() != null ? "the CA certificate " + tls.caCertificate()
                : "the Java runtime's default certificate authorities";
        return new ConnectionException(ConnectionException.Kind.TLS_UNTRUSTED,
                "Cannot connect to " + settings.describe() + ": certificate not trusted. The server's certificate was "
                        + "not issued by a certificate authority trusted here (trusted: " + trusted + "). Give the CA "
                        + "certificate that signed the cluster's node certificates (a PEM file, or a truststore that "
                        + "holds it).", failure);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
