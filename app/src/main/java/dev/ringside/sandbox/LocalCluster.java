package dev.ringside.sandbox;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.cluster.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real Cassandra cluster on loopback: one forked JVM per node on 127.x.y.1..N, each with its own folder.
 * Processes outlive the JVM that started them, so {@code sandbox up} can return; the state file finds them again.
 */
public final class LocalCluster {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

    private final SandboxSettings settings;
    private final CassandraArtifacts artifacts;
    private final NodeFiles files;
    private final Consumer<String> say;

    public LocalCluster(SandboxSettings settings, CassandraArtifacts artifacts, Consumer<String> say) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.files = new NodeFiles(settings);
        this.say = say;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Connection settings for this cluster (with the sandbox's credentials when auth is on). */
    public ConnectionSettings connectionSettings() {
        List<String> points = new ArrayList<>();
        for (int i = 1; i <= settings.nodes(); i++) {
            points.add(settings.contactPoint(i));
        }
        TlsSettings tls = settings.tls()
                ? new TlsSettings(null, null, settings.tlsFiles().caPem().toAbsolutePath(), null, null, true)
                : null;
        ConnectionSettings plain = new ConnectionSettings(points, settings.nativePort(), settings.localDatacenter(), null,
                null, tls, null, ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
        return settings.auth() ? plain.withCredentials(SandboxSettings.USER, SandboxSettings.PASSWORD) : plain;
    }

    /** Whether every node is running and answers CQL. */
    public boolean isUp() throws IOException {
        return status().stream().allMatch(s -> s.running() && s.answering());
    }

    /** Starts the nodes that are not running and waits until all answer CQL. */
    public void start() throws IOException, SandboxException {
        Optional<String> unsupported = SandboxSettings.unsupportedOn(System.getProperty("os.name"));
        if (unsupported.isPresent()) {
            throw new SandboxException(unsupported.get());
        }
        Optional<SandboxState> previous = SandboxState.read(settings.stateFile());
        if (previous.isPresent() && previous.get().nodes() != settings.nodes() && hasData()) {
            throw new SandboxException("The sandbox in " + settings.dir() + " was created with " + previous.get().nodes()
                    + " node(s). Use --nodes " + previous.get().nodes() + ", or delete it first: sandbox down --delete.");
        }
        if (previous.isPresent() && hasData()) {
            SandboxSettings before = previous.get().applyTo(settings);
            if (!before.addressBase().equals(settings.addressBase()) || before.singleAddress() != settings.singleAddress()
                    || before.nativePort() != settings.nativePort()) {
                throw new SandboxException("The sandbox in " + settings.dir() + " was created on " + before.contactPoint(1)
                        + (before.singleAddress() ? " with every node on that address" : " and the addresses after it")
                        + "; its nodes cannot move. Use another folder, or delete it first: sandbox down --delete.");
            }
            if (before.datacenters() != settings.datacenters() || before.numTokens() != settings.numTokens()
                    || !before.initialTokens().equals(settings.initialTokens())) {
                throw new SandboxException("The sandbox in " + settings.dir() + " was created with "
                        + before.datacenters() + " datacenter(s) and " + before.numTokens()
                        + " token(s) per node; its data cannot change shape. Delete it first: sandbox down --delete.");
            }
        }
        if (settings.tls()) {
            settings.tlsFiles().ensure(settings);
        }
        List<Long> pids = new ArrayList<>(previous.map(SandboxState::pids).orElse(List.of()));
        while (pids.size() < settings.nodes()) {
            pids.add(0L);
        }
        List<Path> classpath = artifacts.classpath(SandboxSettings.CASSANDRA_VERSION, settings.dir().resolve("classpath.txt"));
        NodeLauncher launcher = new NodeLauncher(settings, files, classpath);
        // The seed first; the others can then join together.
        for (List<Integer> wave : List.of(List.of(1), rangeFrom(2))) {
            List<Integer> started = new ArrayList<>();
            for (int node : wave) {
                if (alive(pids.get(node - 1))) {
                    continue;
                }
                checkAddressFree(node);
                say.accept("Starting Cassandra node " + node + " on " + settings.contactPoint(node) + " …");
                Process process = launcher.start(node);
                pids.set(node - 1, process.pid());
                started.add(node);
                saveState(pids);
            }
            for (int node : started) {
                awaitCql(node, pids.get(node - 1));
                say.accept("Node " + node + " answers CQL on " + settings.contactPoint(node));
            }
        }
        awaitRing();
    }

    private List<Integer> rangeFrom(int first) {
        List<Integer> nodes = new ArrayList<>();
        for (int i = first; i <= settings.nodes(); i++) {
            nodes.add(i);
        }
        return nodes;
    }

    private boolean hasData() {
        return Files.isDirectory(settings.nodeDir(1).resolve("data"));
    }

    private void checkAddressFree(int node) throws SandboxException {
        if (answers(node)) {
            throw new SandboxException("Something already listens on " + settings.contactPoint(node)
                    + " (another Cassandra?). Stop it, or use another sandbox folder and address or port base.");
        }
    }

    /** Waits until the driver sees every node up, then sets up the sandbox's role when auth is on. */
    private void awaitRing() throws SandboxException {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        ConnectionSettings connect = connectionSettings();
        if (settings.auth()) {
            setUpAuth(deadline);
        }
        try (CqlSession session = openWithRetry(connect, deadline)) {
            while (true) {
                Collection<Node> nodes = session.getMetadata().getNodes().values();
                // The driver connects only to the local datacenter: remote nodes are known from system.peers and
                // gossip events, and stay UNKNOWN rather than UP until an event says otherwise.
                long up = nodes.stream().filter(n -> n.getState() == NodeState.UP
                        || (n.getState() == NodeState.UNKNOWN && !connect.localDc().equals(n.getDatacenter()))).count();
                if (nodes.size() >= settings.nodes() && up >= settings.nodes()) {
                    say.accept("Sandbox ready: " + settings.nodes() + " node(s), " + connect.describe());
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new SandboxException("Only " + up + " of " + settings.nodes() + " nodes joined the ring in time. "
                            + "See the logs in " + settings.dir() + ".");
                }
                sleep(500);
            }
        }
    }

    /** Makes the sandbox's role, with system_auth replicated to every node so logins survive a node down. */
    private void setUpAuth(long deadline) throws SandboxException {
        ConnectionSettings asDefault = connectionSettings().withCredentials("cassandra", "cassandra");
        try (CqlSession session = openWithRetry(asDefault, deadline)) {
            int rf = Math.min(3, settings.nodes());
            session.execute("ALTER KEYSPACE system_auth WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + rf + "}");
            createSandboxRole(session, deadline);
        } catch (SandboxException e) {
            // Already set up on an earlier start: the default role may be gone or its password changed.
            LOG.debug("Default superuser not usable; assuming the sandbox role exists", e);
        }
    }

    /**
     * Creating a superuser checks that the caller is one, reading the default role at QUORUM. Right after system_auth's
     * replication was raised (with no repair), that row is on one replica only, so a QUORUM read that misses it says
     * "Only superusers can create a role with superuser status". Each such read that does reach the row repairs it
     * onto the other replica it read, so a few tries through different coordinators always get through.
     */
    private void createSandboxRole(CqlSession session, long deadline) throws SandboxException {
        String cql = "CREATE ROLE IF NOT EXISTS " + SandboxSettings.USER + " WITH PASSWORD = '" + SandboxSettings.PASSWORD
                + "' AND LOGIN = true AND SUPERUSER = true";
        while (true) {
            try {
                session.execute(cql);
                return;
            } catch (UnauthorizedException e) {
                if (System.nanoTime() > deadline) {
                    throw new SandboxException("Could not create the sandbox's role: " + e.getMessage(), e);
                }
                LOG.info("Default role not yet readable at QUORUM after raising system_auth's replication; trying again");
                sleep(500);
            }
        }
    }

    private CqlSession openWithRetry(ConnectionSettings connect, long deadline) throws SandboxException {
        SessionFactory factory = new SessionFactory();
        ConnectionException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return factory.open(connect);
            } catch (ConnectionException e) {
                last = e;
                sleep(1000);
            }
        }
        throw new SandboxException("The sandbox does not accept connections: " + (last == null ? "timeout" : last.getMessage()), last);
    }

    private void awaitCql(int node, long pid) throws SandboxException {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive(pid)) {
                throw new SandboxException("Cassandra node " + node + " exited during start-up. Last lines of "
                        + files.systemLog(node) + ":\n" + tail(files.systemLog(node), 15) + tail(files.output(node), 10));
            }
            if (answers(node)) {
                return;
            }
            sleep(500);
        }
        throw new SandboxException("Cassandra node " + node + " did not answer CQL within "
                + settings.startTimeout().toSeconds() + " s; see " + files.systemLog(node) + ".");
    }

    /** Node statuses from the state file and live checks. */
    public List<NodeStatus> status() throws IOException {
        Optional<SandboxState> state = SandboxState.read(settings.stateFile());
        List<NodeStatus> list = new ArrayList<>();
        int count = state.map(SandboxState::nodes).orElse(settings.nodes());
        for (int i = 1; i <= count; i++) {
            List<Long> pids = state.map(SandboxState::pids).orElse(List.of());
            long pid = i <= pids.size() ? pids.get(i - 1) : 0L;
            list.add(new NodeStatus(i, settings.address(i), settings.nativePort(i), pid, alive(pid), alive(pid) && answers(i)));
        }
        return list;
    }

    /** Stops every node: asks nicely, then kills what is still running after {@code grace}. */
    public void stop(Duration grace) throws IOException {
        Optional<SandboxState> state = SandboxState.read(settings.stateFile());
        if (state.isEmpty()) {
            return;
        }
        List<ProcessHandle> running = new ArrayList<>();
        for (long pid : state.get().pids()) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
                p.destroy();
                running.add(p);
            });
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : running) {
            awaitExit(p, deadline);
        }
        saveState(state.get().pids().stream().map(p -> 0L).toList());
    }

    /** Kills a node at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill(int node) throws IOException {
        List<Long> pids = pids();
        ProcessHandle.of(pids.get(node - 1)).ifPresent(p -> {
            p.destroyForcibly();
            awaitExit(p, System.nanoTime() + Duration.ofSeconds(30).toNanos());
        });
        pids.set(node - 1, 0L);
        saveState(pids);
        say.accept("Killed node " + node);
    }

    /** Starts a stopped or killed node again and waits until it answers CQL. */
    public void restart(int node) throws IOException, SandboxException {
        List<Long> pids = pids();
        if (alive(pids.get(node - 1))) {
            return;
        }
        List<Path> classpath = artifacts.classpath(SandboxSettings.CASSANDRA_VERSION, settings.dir().resolve("classpath.txt"));
        Process process = new NodeLauncher(settings, files, classpath).start(node);
        pids.set(node - 1, process.pid());
        saveState(pids);
        awaitCql(node, process.pid());
        say.accept("Node " + node + " is back");
    }

    /** Deletes the sandbox folder; nodes must be stopped. */
    public void delete() throws IOException {
        if (!Files.exists(settings.dir())) {
            return;
        }
        try (Stream<Path> walk = Files.walk(settings.dir())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>(SandboxState.read(settings.stateFile()).map(SandboxState::pids).orElse(List.of()));
        while (pids.size() < settings.nodes()) {
            pids.add(0L);
        }
        return pids;
    }

    private void saveState(List<Long> pids) throws IOException {
        SandboxState.of(settings, pids).write(settings.stateFile());
    }

    private static void awaitExit(ProcessHandle p, long deadlineNanos) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            p.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                LOG.warn("Process {} did not exit", p.pid());
            }
        }
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private boolean answers(int node) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.address(node), settings.nativePort(node)), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long ms) throws SandboxException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for the sandbox", e);
        }
    }
}
