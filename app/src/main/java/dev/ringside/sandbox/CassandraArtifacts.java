package dev.ringside.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves {@code org.apache.cassandra:cassandra-all} and its runtime dependencies into the local Maven repository,
 * from Maven Central as the user's Maven settings reach it (mirrors, proxies, local repository: see
 * {@link MavenRepositories}), so that the sandbox runs a real Cassandra without bundling it into Ringside.
 */
public final class CassandraArtifacts {

    /** A class of the Maven Resolver stack, which the installed app leaves out. */
    private static final String RESOLVER_CLASS = "org.eclipse.aether.RepositorySystem";

    private final MavenEnvironment maven;

    public CassandraArtifacts(MavenEnvironment maven) {
        this.maven = maven;
    }

    /** As Maven itself would resolve on this machine: its settings files, {@code -Dmaven.repo.local}. */
    public static CassandraArtifacts fromEnvironment() {
        return new CassandraArtifacts(MavenEnvironment.current());
    }

    /**
     * The classpath of the given Cassandra version; cached in {@code cacheFile} so that later starts skip resolution
     * while every jar is still there.
     *
     * @throws SandboxNotInstalledException in the installed app, which has no sandbox
     */
    public List<Path> classpath(String version, Path cacheFile) throws IOException, SandboxNotInstalledException {
        if (!resolverPresent(CassandraArtifacts.class.getClassLoader())) {
            throw new SandboxNotInstalledException();
        }
        if (Files.isRegularFile(cacheFile)) {
            List<Path> cached = Files.readAllLines(cacheFile).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
            if (!cached.isEmpty() && cached.stream().allMatch(Files::isRegularFile)) {
                return cached;
            }
        }
        List<Path> jars = CassandraResolver.resolve(version, maven);
        Files.createDirectories(cacheFile.getParent());
        Files.write(cacheFile, jars.stream().map(Path::toString).toList());
        return jars;
    }

    static boolean resolverPresent(ClassLoader loader) {
        try {
            Class.forName(RESOLVER_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
