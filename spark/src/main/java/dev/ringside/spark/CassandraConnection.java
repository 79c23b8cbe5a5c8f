package dev.ringside.spark;

import java.util.List;

/**
 * Where and as whom the job connects: the CLI's --host, --port, --dc, --user and the password read from
 * --password-file or a Spark secret, and the TLS stores' passwords from their files. {@link #toString} never shows the password.
 */
public record CassandraConnection(List<String> hosts, int port, String localDc, String user, String password,
                                  String truststorePassword, String keystorePassword) {

    public CassandraConnection(List<String> hosts, int port, String localDc, String user, String password) {
        this(hosts, port, localDc, user, password, null, null);
    }

    @Override
    public String toString() {
        return "CassandraConnection[hosts=" + hosts + ", port=" + port + ", localDc=" + localDc + ", user=" + user
                + (password == null ? "" : ", password=***")
                + (truststorePassword == null ? "" : ", truststorePassword=***")
                + (keystorePassword == null ? "" : ", keystorePassword=***") + "]";
    }
}
