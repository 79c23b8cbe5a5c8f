package dev.ringside.cluster;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.internal.core.config.typesafe.DefaultDriverConfigLoader;
import com.datastax.oss.driver.internal.core.config.typesafe.DefaultProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.internal.core.loadbalancing.DcInferringLoadBalancingPolicy;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Opens driver sessions from {@link ConnectionSettings}, with settings suited to bulk range scans, and turns the
 * driver's connection failures into messages that say what to do.
 */
public final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);
    private static final String ROOT = DefaultDriverConfigLoader.DEFAULT_ROOT_PATH;

    /** Opens a session; fails within the connect timeout when nothing answers. */
    public CqlSession open(ConnectionSettings settings) throws ConnectionException {
        List<InetSocketAddress> points = contactPoints(settings);
        CqlSessionBuilder builder = CqlSession.builder()
                .withConfigLoader(configLoader(settings))
                .addContactPoints(points)
                .withApplicationName("Ringside");
        settings.localDcIfSet().ifPresent(builder::withLocalDatacenter);
        if (settings.username() != null && !settings.username().isBlank()) {
            builder.withAuthCredentials(settings.username(), settings.password() == null ? "" : settings.password());
        }
        if (settings.tls() != null) {
            builder.withSslEngineFactory(new ProgrammaticSslEngineFactory(
                    SslContexts.create(settings.tls()), null, settings.tls().verifyHostname()));
        }
        try {
            CqlSession session = builder.build();
            LOG.info("Connected to {} ({} nodes)", settings.describe(), session.getMetadata().getNodes().size());
            return session;
        } catch (RuntimeException e) {
            throw explain(settings, e);
        }
    }

    private static List<InetSocketAddress> contactPoints(ConnectionSettings settings) throws ConnectionException {
        if (settings.contactPoints().isEmpty()) {
            throw new ConnectionException("No contact point given: name at least one Cassandra host.", null);
        }
        List<InetSocketAddress> points = new ArrayList<>();
        for (String raw : settings.contactPoints()) {
            String host = raw.trim();
            int port = settings.port();
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon) {
                try {
                    port = Integer.parseInt(host.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new ConnectionException("Bad port in contact point '" + raw + "': use host or host:port.", e);
                }
                host = host.substring(0, colon);
            }
            if (port < 1 || port > 65535) {
                throw new ConnectionException("Port " + port + " is out of range: use 1 to 65535 (Cassandra's default is 9042).", null);
            }
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new ConnectionException("Unknown host '" + host + "': check the spelling or use an IP address.",
                        new UnknownHostException(host));
            }
            points.add(address);
        }
        return points;
    }

    static DriverConfigLoader configLoader(ConnectionSettings settings) throws ConnectionException {
        Config fromFile = ConfigFactory.empty();
        if (settings.configFile() != null) {
            if (!Files.isReadable(settings.configFile())) {
                throw new ConnectionException("Cannot read driver config file " + settings.configFile() + ".", null);
            }
            try {
                fromFile = ConfigFactory.parseFile(settings.configFile().toFile());
            } catch (RuntimeException e) {
                throw new ConnectionException("Driver config file " + settings.configFile() + " is not valid HOCON: "
                        + e.getMessage(), e);
            }
        }
        Config userConfig = fromFile;
        Supplier<Config> fallback = () -> {
            ConfigFactory.invalidateCaches();
            return userConfig.withFallback(ConfigFactory.defaultReference()).resolve();
        };
        ProgrammaticDriverConfigLoaderBuilder b = new DefaultProgrammaticDriverConfigLoaderBuilder(fallback, ROOT);
        Duration connect = settings.connectTimeout();
        // Our defaults, unless the user's config file sets the option itself.
        Defaults d = new Defaults(b, userConfig);
        d.duration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, connect);
        d.duration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, connect);
        d.duration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, connect);
        d.duration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, connect);
        d.duration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60));
        d.integer(DefaultDriverOption.REQUEST_PAGE_SIZE, 5000);
        d.integer(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2);
        d.integer(DefaultDriverOption.CONNECTION_POOL_REMOTE_SIZE, 1);
        d.integer(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048);
        // A session closes its channels before its event loops, so Netty's default 2 s quiet period only delays
        // every command's exit (and every test) by 2 s: the driver 3.x used 0 for the same reason.
        d.integer(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
        d.integer(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
        // Protocol V5 splits every page of a range scan into checksummed segments and reassembles them in a composite
        // buffer that the row decoder then reads cell by cell: on the 3-node sandbox V4 scanned 1M rows 45 % faster
        // with a fifth less client CPU (README, "Speed"). TCP, and TLS where used, still check every byte.
        d.string(DefaultDriverOption.PROTOCOL_VERSION, "V4");
        // Warnings about a slow schema agreement are noise for a read-only tool.
        d.duration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(10));
        // The driver leaves system keyspaces out of its schema metadata by default; the browser can show them.
        d.stringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, java.util.List.of());
        if (settings.localDcIfSet().isEmpty()) {
            d.string(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, DcInferringLoadBalancingPolicy.class.getName());
        }
        return b.build();
    }

    /** Sets an option unless the user's file already does. */
    private record Defaults(ProgrammaticDriverConfigLoaderBuilder builder, Config user) {
        private boolean userSets(DefaultDriverOption option) {
            return user.hasPath(ROOT + "." + option.getPath());
        }

        void duration(DefaultDriverOption option, Duration value) {
            if (!userSets(option)) {
                builder.withDuration(option, value);
            }
        }

        void integer(DefaultDriverOption option, int value) {
            if (!userSets(option)) {
                builder.withInt(option, value);
            }
        }

        void stringList(DefaultDriverOption option, java.util.List<String> value) {
            if (!userSets(option)) {
                builder.withStringList(option, value);
            }
        }

        void string(DefaultDriverOption option, String value) {
            if (!userSets(option)) {
                builder.withString(option, value);
            }
        }
    }

    /** Maps a driver failure to a message a user can act on. */
    static ConnectionException explain(ConnectionSettings settings, Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String where = settings.describe();
        if (e instanceof AuthenticationException auth) {
            return authMessage(settings, auth.getMessage(), e);
        }
        if (e instanceof AllNodesFailedException all) {
            for (Map.Entry<Node, List<Throwable>> entry : all.getAllErrors().entrySet()) {
                for (Throwable t : entry.getValue()) {
                    if (t instanceof AuthenticationException auth) {
                        return authMessage(settings, auth.getMessage(), e);
                    }
                }
            }
            for (List<Throwable> errors : all.getAllErrors().values()) {
                for (Throwable t : errors) {
                    java.util.Optional<ConnectionException> tls = TlsFailures.explain(settings, t);
                    if (tls.isPresent()) {
                        return tls.get();
                    }
                }
            }
            String reason = probe(settings).orElseGet(() -> firstReason(all));
            return new ConnectionException("Cannot connect to Cassandra at " + where + " (" + reason + "). "
                    + "Check the host and port, that the cluster is running and that this machine can reach it.", e);
        }
        if (e instanceof DriverTimeoutException) {
            return new ConnectionException("Connecting to " + where + " timed out after "
                    + settings.connectTimeout().toSeconds() + " s. Check the host, port and firewall.", e);
        }
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().contains("datacenter")) {
            return new ConnectionException(ConnectionException.Kind.LOCAL_DC, e.getMessage()
                    + " Set the local datacenter to one the cluster has.", e);
        }
        return new ConnectionException("Cannot connect to Cassandra at " + where + ": " + e.getMessage(), e);
    }

    private static ConnectionException authMessage(ConnectionSettings settings, String detail, Throwable e) {
        if (settings.username() == null || settings.username().isBlank()) {
            return new ConnectionException(ConnectionException.Kind.AUTHENTICATION, "The cluster at " + settings.describe()
                    + " requires a username and password: give a user and password.", e);
        }
        boolean bad = detail != null && (detail.contains("Provided username") || detail.contains("incorrect")
                || detail.contains("Bad credentials") || detail.contains("and/or password"));
        return new ConnectionException(ConnectionException.Kind.AUTHENTICATION, "Authentication failed for user '" + settings.username() + "'"
                + (bad ? ": wrong user name or password." : " (" + detail + ").") + " Check the credentials.", e);
    }

    /**
     * Looks at the TCP level why the contact points failed, since the driver reports a refused connection as a closed
     * channel: refused means nothing listens; a timeout means unreachable; a connection means the port is not CQL.
     */
    private static java.util.Optional<String> probe(ConnectionSettings settings) {
        try {
            List<InetSocketAddress> points = contactPoints(settings);
            int refused = 0;
            int silent = 0;
            for (InetSocketAddress point : points) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(point, 1500);
                } catch (java.net.SocketTimeoutException e) {
                    silent++;
                } catch (java.io.IOException e) {
                    refused++;
                }
            }
            if (refused == points.size()) {
                return java.util.Optional.of("connection refused: nothing is listening there");
            }
            if (silent + refused == points.size()) {
                return java.util.Optional.of("no answer: the host is unreachable or a firewall drops the connection");
            }
            return java.util.Optional.of("the port accepts connections but does not answer the CQL protocol"
                    + (settings.tls() == null ? "; is it Cassandra's native port, or does it require TLS?" : ""));
        } catch (ConnectionException e) {
            return java.util.Optional.empty();
        }
    }

    private static String firstReason(AllNodesFailedException all) {
        for (List<Throwable> errors : all.getAllErrors().values()) {
            for (Throwable t : errors) {
                Throwable root = t;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                if (root instanceof ConnectException) {
                    return "connection refused: nothing is listening there";
                }
                String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
                return message.length() > 160 ? message.substring(0, 160) + "…" : message;
            }
        }
        return "no node answered";
    }
}
