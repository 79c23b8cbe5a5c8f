package dev.ringside.sandbox;

import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsBuildingResult;
import org.apache.maven.settings.building.SettingsProblem;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The repositories the sandbox downloads Cassandra from, as the user's Maven settings make them: the local repository
 * ({@code -Dmaven.repo.local}, else {@code <localRepository>}, else {@code ~/.m2/repository}), and Maven Central
 * behind the mirror that matches it ({@code mirrorOf} {@code *}, {@code central}, {@code external:*}, lists and
 * {@code !id} as Maven reads them), reached through the active proxy with its credentials, and with the mirror's
 * server credentials. The settings are read by Maven's own settings builder (user over global, interpolated).
 * Passwords are used, never logged: {@link #describe()} names hosts only.
 */
final class MavenRepositories {

    private static final Logger LOG = LoggerFactory.getLogger(MavenRepositories.class);
    static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final boolean offline;
    private final MirrorSelector mirrors;
    private final ProxySelector proxies;
    private final AuthenticationSelector authentication;

    private MavenRepositories(Path localRepository, boolean offline, MirrorSelector mirrors, ProxySelector proxies,
                              AuthenticationSelector authentication) {
        this.localRepository = localRepository;
        this.offline = offline;
        this.mirrors = mirrors;
        this.proxies = proxies;
        this.authentication = authentication;
    }

    /** Reads the settings files of the environment (missing files count as empty). */
    static MavenRepositories read(MavenEnvironment env) throws IOException {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(env.userSettings().toFile());
        if (env.globalSettings() != null) {
            request.setGlobalSettingsFile(env.globalSettings().toFile());
        }
        request.setSystemProperties(env.properties());
        try {
            SettingsBuildingResult result = new DefaultSettingsBuilderFactory().newInstance().build(request);
            for (SettingsProblem problem : result.getProblems()) {
                LOG.warn("Maven settings: {}", problem.getMessage());
            }
            return of(result.getEffectiveSettings(), env);
        } catch (SettingsBuildingException e) {
            throw new IOException("Cannot read the Maven settings (" + env.userSettings()
                    + (env.globalSettings() != null ? ", " + env.globalSettings() : "") + "): " + e.getMessage(), e);
        }
    }

    /** The repositories the given effective settings describe. */
    static MavenRepositories of(Settings settings, MavenEnvironment env) {
        Path local = env.repoLocal() != null ? Path.of(env.repoLocal())
                : settings.getLocalRepository() != null && !settings.getLocalRepository().isBlank()
                ? Path.of(settings.getLocalRepository()) : env.home().resolve(".m2").resolve("repository");
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            mirrors.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(), m.getMirrorOfLayouts());
        }
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (Proxy p : settings.getProxies()) {
            if (p.isActive()) {
                proxies.add(new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(),
                        credentials(p.getUsername(), p.getPassword())), p.getNonProxyHosts());
            }
        }
        DefaultAuthenticationSelector authentication = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            Authentication a = credentials(s.getUsername(), s.getPassword());
            if (a != null) {
                authentication.add(s.getId(), a);
            }
        }
        return new MavenRepositories(local, settings.isOffline(), mirrors, proxies, authentication);
    }

    private static Authentication credentials(String user, String password) {
        if (user == null || user.isBlank()) {
            return null;
        }
        return new AuthenticationBuilder().addUsername(user).addPassword(password).build();
    }

    Path localRepository() {
        return localRepository;
    }

    /** Maven Central as the settings reach it: its mirror if one matches, with proxy and credentials. */
    RemoteRepository central() {
        RemoteRepository central = new RemoteRepository.Builder("central", "default", CENTRAL_URL).build();
        RemoteRepository mirror = mirrors.getMirror(central);
        RemoteRepository chosen = mirror != null ? mirror : central;
        return new RemoteRepository.Builder(chosen)
                .setProxy(proxies.getProxy(chosen))
                .setAuthentication(authentication.getAuthentication(chosen))
                .build();
    }

    /** Gives the session the same mirrors, proxies and credentials, for repositories that POMs declare. */
    void configure(DefaultRepositorySystemSession session) {
        session.setOffline(offline);
        session.setMirrorSelector(mirrors);
        session.setProxySelector(proxies);
        session.setAuthenticationSelector(authentication);
    }

    /** Where downloads come from, for the log and messages: URL and proxy host, never credentials. */
    String describe() {
        RemoteRepository c = central();
        StringBuilder sb = new StringBuilder(c.getUrl());
        if (!c.getId().equals("central")) {
            sb.append(" (mirror '").append(c.getId()).append("' of Maven Central)");
        }
        if (c.getProxy() != null) {
            sb.append(" through proxy ").append(c.getProxy().getHost()).append(':').append(c.getProxy().getPort());
        }
        if (offline) {
            sb.append(", offline as the Maven settings say");
        }
        return sb.toString();
    }
}
