package dev.ringside.ui.connect;

import dev.ringside.app.settings.SharedProfile;

/**
 * A saved connection. The password is absent unless the user ticked "Remember password", and then only in
 * {@link SecretBox}'s encrypted form.
 */
public record ConnectionProfile(String name, String hosts, int port, String datacenter, String user,
                                String encryptedPassword, String truststore, String caCertificate, String keystore,
                                boolean verifyHostname, String driverConfig) {

    public ConnectionProfile withEncryptedPassword(String sealed) {
        return new ConnectionProfile(name, hosts, port, datacenter, user, sealed, truststore, caCertificate, keystore,
                verifyHostname, driverConfig);
    }

    public ConnectionProfile withName(String value) {
        return new ConnectionProfile(value, hosts, port, datacenter, user, encryptedPassword, truststore, caCertificate,
                keystore, verifyHostname, driverConfig);
    }

    /** The profile as a settings file shares it: without its password, not even encrypted. */
    public SharedProfile toShared() {
        return new SharedProfile(name, hosts, port, datacenter, user, truststore, caCertificate, keystore,
                verifyHostname, driverConfig);
    }

    public static ConnectionProfile of(SharedProfile p) {
        return new ConnectionProfile(p.name(), p.hosts(), p.port() > 0 ? p.port() : 9042, p.datacenter(), p.user(), null,
                p.truststore(), p.caCertificate(), p.keystore(), p.verifyHostname(), p.driverConfig());
    }

    @Override
    public String toString() {
        return name;
    }
}
