package dev.ringside.app.settings;

/**
 * A connection profile as a settings file shares it: where and how to connect. It has no field for a password, so
 * none can be written, not even an encrypted one (the key that opens it stays on this machine).
 */
public record SharedProfile(String name, String hosts, int port, String datacenter, String user, String truststore,
                            String caCertificate, String keystore, boolean verifyHostname, String driverConfig) {
}
