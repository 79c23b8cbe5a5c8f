package dev.ringside.testing;

import dev.ringside.sandbox.CassandraArtifacts;
import dev.ringside.sandbox.LocalCluster;
import dev.ringside.sandbox.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Starts a test cluster from nothing: a run's clusters never inherit data, certificates or processes from the last. */
final class FreshCluster {

    private static final Logger LOG = LoggerFactory.getLogger(FreshCluster.class);

    private FreshCluster() {
    }

    static LocalCluster start(SandboxSettings settings, String name) throws Exception {
        LocalCluster cluster = new LocalCluster(settings, CassandraArtifacts.fromEnvironment(), LOG::info);
        // Stop anything a killed earlier run left behind, then wipe its folder.
        cluster.stop(Duration.ofSeconds(5));
        cluster.delete();
        long start = System.nanoTime();
        cluster.start();
        LOG.info("{} up in {} s", name, (System.nanoTime() - start) / 1_000_000_000);
        return cluster;
    }
}
