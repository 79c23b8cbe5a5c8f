package dev.ringside.spark;

import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.SharedSandbox;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The module's test run starts one Cassandra node (the app's sandbox code) and one SparkSession, on first use, and
 * stops both when the run ends. One node, 16 vnodes, password authentication on: the connector still reads 16
 * vnode ranges split further, and a second and third node would add about a minute and 2 GB to every build for
 * nothing these tests check (replica failover is the app's ExportFaultTest's subject).
 * {@code -Dringside.sandbox.addressBase}, {@code jmxBase} and {@code dir} move it, as for the app's tests.
 */
public final class SparkTestCluster implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SparkTestCluster.class);
    /** local[2] with up to 4 attempts per task (plain local[2] never retries a task). */
    static final String MASTER = "local[2,4]";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SharedSandbox.class || type == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SharedSandbox.class ? sandbox(context) : spark(context);
    }

    static SharedSandbox sandbox(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("sandbox", key -> {
            Path dir = Path.of(System.getProperty("ringside.sandbox.dir", "target/sandbox-test")).toAbsolutePath();
            String base = System.getProperty("ringside.sandbox.addressBase", "127.0.12");
            int jmxBase = Integer.getInteger("ringside.sandbox.jmxBase", 7350);
            SandboxSettings settings = new SandboxSettings(dir, 1, base, 9042, jmxBase, 16, true, "768m", Duration.ofMinutes(4));
            try {
                return SharedSandbox.start(settings, "Spark module sandbox");
            } catch (Exception e) {
                throw new ParameterResolutionException("Cannot start the test sandbox: " + e.getMessage(), e);
            }
        }, SharedSandbox.class);
    }

    static SparkSession spark(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("spark", key -> new ClosableSpark(
                SparkSession.builder().master(MASTER).appName("ringside-spark-tests")
                        .config("spark.ui.enabled", "false")
                        .config("spark.sql.shuffle.partitions", "2")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .getOrCreate()), ClosableSpark.class).spark();
    }

    /** The connection of the job to the test node. */
    static CassandraConnection connection(SharedSandbox sandbox) {
        return new CassandraConnection(List.of(sandbox.host()), 9042, null, SandboxSettings.USER, SandboxSettings.PASSWORD);
    }

    static ReadRequest read(SharedSandbox sandbox, String keyspace, String table, Integer splits) {
        return new ReadRequest(keyspace, table, List.of(), null, splits, null, 0, "LOCAL_ONE", ReadRequest.DEFAULT_PAGE_SIZE,
                connection(sandbox));
    }

    private record ClosableSpark(SparkSession spark) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            spark.stop();
        }
    }
}
