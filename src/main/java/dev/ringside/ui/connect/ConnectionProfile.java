package dev.ringside.ui.connect;

/**
 * A saved connection. The password is absent unless the user ticked "Remember password", and then only in
 * {@link SecretBox}'s encrypted form.
 */
public record ConnectionProfile(String name, String hosts, int port, String datacenter, String user,
                                String encryptedPassword, String truststore, String caCertificate, String keystore,
                                boolean verifyHostname, String driverConfig) {

    @Override
    public String toString() {
        return name;
    }
}
