package dev.ringside.sandbox;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;

/**
 * The sandbox's sample data: keyspace {@code demo}, table {@code demo.events}, filled with realistic rows through
 * async inserts with a bounded number in flight.
 */
public final class SampleData {

    public static final String KEYSPACE = "demo";
    public static final String TABLE = "events";
    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);
    private static final String[] KINDS = {"click", "view", "purchase", "signup", "logout", "search", "share"};
    private static final String[] TAGS = {"mobile", "web", "eu", "us", "apac", "beta", "promo", "returning", "new"};
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int IN_FLIGHT = 256;
    private static final int WRITE_ATTEMPTS = 4;

    private final CqlSession session;

    public SampleData(CqlSession session) {
        this.session = session;
    }

    /** Creates the keyspace (replicated to {@code min(3, nodes)} nodes) and the table if missing. */
    public void createSchema(int nodes) {
        createSchema("{'class': 'SimpleStrategy', 'replication_factor': " + Math.min(3, nodes) + "}");
    }

    /**
     * Creates the keyspace and table for this sandbox's shape: with several datacenters, NetworkTopologyStrategy with
     * {@code min(3, nodes in the datacenter)} replicas in each, so every datacenter holds every row.
     */
    public void createSchema(SandboxSettings settings) {
        if (!settings.multiDc()) {
            createSchema(settings.nodes());
            return;
        }
        java.util.Map<String, Integer> perDc = new java.util.TreeMap<>();
        for (int node = 1; node <= settings.nodes(); node++) {
            perDc.merge(settings.datacenter(node), 1, Integer::sum);
        }
        StringBuilder replication = new StringBuilder("{'class': 'NetworkTopologyStrategy'");
        perDc.forEach((dc, count) -> replication.append(", '").append(dc).append("': ").append(Math.min(3, count)));
        createSchema(replication.append('}').toString());
    }

    private void createSchema(String replication) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE + " WITH replication = " + replication);
        session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + TABLE + " ("
                + "id uuid PRIMARY KEY, "
                + "created_at timestamp, "
                + "kind text, "
                + "user_name text, "
                + "amount double, "
                + "tags set<text>, "
                + "payload text)");
        session.checkSchemaAgreement();
    }

    /** Whether the sample table holds any row yet (an earlier run loaded it). */
    public boolean hasRows() {
        return session.execute("SELECT id FROM " + KEYSPACE + "." + TABLE + " LIMIT 1").one() != null;
    }

    /**
     * Inserts {@code rows} random rows, at most {@value #IN_FLIGHT} in flight.
     *
     * @param progress told the number of rows written so far, every 50,000 rows and at the end
     */
    public void load(long rows, long seed, LongConsumer progress) throws InterruptedException {
        load(rows, seed, 50_000, progress);
    }

    /**
     * Inserts {@code rows} random rows, the same for the same seed, at most {@value #IN_FLIGHT} in flight.
     *
     * @param step     rows between two progress reports
     * @param progress told the number of rows sent so far, every {@code step} rows, and all rows once written
     */
    public void load(long rows, long seed, int step, LongConsumer progress) throws InterruptedException {
        if (step < 1) {
            throw new IllegalArgumentException("The progress step must be 1 or more (got " + step + ").");
        }
        PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + "." + TABLE
                + " (id, created_at, kind, user_name, amount, tags, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
        Random random = new Random(seed);
        BoundedWrites writes = new BoundedWrites(IN_FLIGHT);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        for (long i = 0; i < rows; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant created = base.plusMillis((long) (random.nextDouble() * 365L * 24 * 3600 * 1000));
            String kind = KINDS[random.nextInt(KINDS.length)];
            String user = "user" + random.nextInt(50_000);
            Double amount = random.nextInt(10) == 0 ? null : Math.round(random.nextDouble() * 100_000) / 100.0;
            // One or two tags (the same tag drawn twice is one).
            Set<String> tags = new java.util.TreeSet<>(List.of(TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)]));
            String payload = randomText(random, 40);
            BoundStatement statement = insert.bind(id, created, kind, user, amount, tags, payload)
                    // Every replica acknowledges each row: a count or export at LOCAL_ONE then finds all of them. At
                    // ONE a busy replica may drop a write (Cassandra sheds mutations past its timeout) and a count
                    // served by it comes out short until hints or a repair catch up (SampleDataTest saw 59,990 of
                    // 60,000 on a loaded machine).
                    .setConsistencyLevel(DefaultConsistencyLevel.ALL)
                    .setIdempotent(true);
            if (!writes.submit(() -> withRetries(statement, WRITE_ATTEMPTS))) {
                break;
            }
            if ((i + 1) % step == 0) {
                progress.accept(i + 1);
            }
        }
        Optional<Throwable> failure = writes.awaitAll();
        if (failure.isPresent()) {
            throw new IllegalStateException("Loading sample data failed: " + failure.get().getMessage(), failure.get());
        }
        progress.accept(rows);
        LOG.info("Loaded {} sample rows into {}.{}", rows, KEYSPACE, TABLE);
    }

    /**
     * A write, sent again when it times out or the node is overloaded: a sandbox on a busy machine drops some
     * writes under load, which says nothing about the data. Inserts of the same row are idempotent.
     */
    private CompletionStage<AsyncResultSet> withRetries(BoundStatement statement, int attempts) {
        return session.executeAsync(statement).handle((rs, error) -> {
            if (error == null) {
                return CompletableFuture.completedStage(rs);
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            boolean retryable = cause instanceof WriteTimeoutException || cause instanceof DriverTimeoutException
                    || cause instanceof OverloadedException;
            if (retryable && attempts > 1) {
                LOG.debug("Sample write failed ({}); sending it again", cause.getMessage());
                return withRetries(statement, attempts - 1);
            }
            return CompletableFuture.<AsyncResultSet>failedStage(cause);
        }).thenCompose(stage -> stage);
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
