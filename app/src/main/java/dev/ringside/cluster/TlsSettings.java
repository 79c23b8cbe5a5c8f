package dev.ringside.cluster;

import java.nio.file.Path;

/**
 * TLS for the native protocol. Either a Java truststore or a PEM CA certificate identifies the server; a client
 * certificate (PKCS#12 keystore) is optional.
 *
 * @param truststore         JKS/PKCS#12 truststore, or {@code null}
 * @param truststorePassword its password, or {@code null}
 * @param caCertificate      PEM file with the CA certificate(s), or {@code null}
 * @param keystore           client keystore (PKCS#12 or JKS), or {@code null}
 * @param keystorePassword   its password, or {@code null}
 * @param verifyHostname     whether the server's certificate must match its host name
 */
public record TlsSettings(Path truststore, String truststorePassword, Path caCertificate, Path keystore,
                          String keystorePassword, boolean verifyHostname) {
}
