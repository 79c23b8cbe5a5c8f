package dev.ringside.sandbox;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code org.apache.cassandra:cassandra-all} and its runtime dependencies from Maven Central into the
 * local Maven repository, so that the sandbox runs a real Cassandra without bundling it into Ringside.
 */
public final class CassandraArtifacts {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraArtifacts.class);
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;

    public CassandraArtifacts(Path localRepository) {
        this.localRepository = localRepository;
    }

    /** The local repository Maven itself uses: {@code -Dmaven.repo.local} or {@code ~/.m2/repository}. */
    public static CassandraArtifacts fromEnvironment() {
        String override = System.getProperty("maven.repo.local");
        Path repo = override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new CassandraArtifacts(repo);
    }

    /**
     * The classpath of the given Cassandra version; cached in {@code cacheFile} so that later starts skip resolution
     * while every jar is still there.
     */
    public List<Path> classpath(String version, Path cacheFile) throws IOException {
        if (Files.isRegularFile(cacheFile)) {
            List<Path> cached = Files.readAllLines(cacheFile).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
            if (!cached.isEmpty() && cached.stream().allMatch(Files::isRegularFile)) {
                return cached;
            }
        }
        List<Path> jars = resolve(version);
        Files.createDirectories(cacheFile.getParent());
        Files.write(cacheFile, jars.stream().map(Path::toString).toList());
        return jars;
    }

    private List<Path> resolve(String version) throws IOException {
        LOG.info("Resolving cassandra-all {} from Maven Central into {} (first time only)", version, localRepository);
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
            RemoteRepository central = new RemoteRepository.Builder("central", "default", CENTRAL).build();
            CollectRequest collect = new CollectRequest(
                    new Dependency(new DefaultArtifact("org.apache.cassandra:cassandra-all:" + version), JavaScopes.RUNTIME),
                    List.of(central));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(result.getArtifact().getFile().toPath());
            }
            LOG.info("Cassandra {} classpath: {} jars", version, jars.size());
            return jars;
        } catch (Exception e) {
            throw new IOException("Cannot download Cassandra " + version + " from Maven Central (" + e.getMessage()
                    + "). The sandbox needs network access to Maven Central the first time it starts.", e);
        } finally {
            system.shutdown();
        }
    }
}
