package dev.ringside.sandbox;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code cassandra-all} and its runtime dependencies with the Maven Resolver stack. Kept apart from
 * {@link CassandraArtifacts} so that a build without these libraries (the installed app) loads no class that
 * names them.
 */
final class CassandraResolver {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraResolver.class);

    private CassandraResolver() {
    }

    static List<Path> resolve(String version, MavenEnvironment env) throws IOException {
        MavenRepositories repositories = MavenRepositories.read(env);
        String from = repositories.describe();
        LOG.info("Resolving cassandra-all {} from {} into {} (first time only)", version, from, repositories.localRepository());
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            repositories.configure(session);
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                    new LocalRepository(repositories.localRepository().toFile())));
            CollectRequest collect = new CollectRequest(
                    new Dependency(new DefaultArtifact("org.apache.cassandra:cassandra-all:" + version), JavaScopes.RUNTIME),
                    List.of(repositories.central()));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(result.getArtifact().getFile().toPath());
            }
            LOG.info("Cassandra {} classpath: {} jars", version, jars.size());
            return jars;
        } catch (Exception e) {
            throw new IOException("Cannot download Cassandra " + version + " from " + from + " (" + e.getMessage()
                    + "). The sandbox needs to reach that repository the first time it starts; the mirrors, proxies "
                    + "and local repository come from your Maven settings (" + env.userSettings() + ").", e);
        } finally {
            system.shutdown();
        }
    }
}
