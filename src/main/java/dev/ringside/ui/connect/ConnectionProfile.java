package dev.ringside.ui.connect;

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

    @Override
    public String toString() {
        return name;
    }
}
