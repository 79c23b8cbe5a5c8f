package dev.ringside.sandbox;

import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The repositories the sandbox would download from, as temporary settings files make them (nothing is downloaded). */
class MavenRepositoriesTest {

    @TempDir
    Path dir;

    @Test
    void withoutSettingsItIsCentralAndTheDefaultLocalRepository() throws Exception {
        MavenRepositories r = MavenRepositories.read(environment(null, null));
        assertThat(r.central().getUrl()).isEqualTo(MavenRepositories.CENTRAL_URL);
        assertThat(r.central().getProxy()).isNull();
        assertThat(r.localRepository()).isEqualTo(dir.resolve("home/.m2/repository"));
        assertThat(r.describe()).isEqualTo(MavenRepositories.CENTRAL_URL);
    }

    @Test
    void aMirrorOfEverythingWithItsCredentialsAndAProxyWithAuthAreUsedButNeverDescribed() throws Exception {
        Path user = settings("user.xml", """
                <settings>
                  <localRepository>${user.home}/corp-repo</localRepository>
                  <mirrors>
                    <mirror><id>corp</id><mirrorOf>*</mirrorOf><url>https://nexus.corp.example/repository/maven/</url></mirror>
                  </mirrors>
                  <servers>
                    <server><id>corp</id><username>analyst</username><password>mirror-secret</password></server>
                  </servers>
                  <proxies>
                    <proxy><id>off</id><active>false</active><protocol>https</protocol><host>old.corp.example</host><port>1</port></proxy>
                    <proxy><id>web</id><active>true</active><protocol>https</protocol><host>proxy.corp.example</host>
                      <port>3128</port><username>analyst</username><password>proxy-secret</password>
                      <nonProxyHosts>localhost|*.internal</nonProxyHosts></proxy>
                  </proxies>
                </settings>
                """);
        MavenRepositories r = MavenRepositories.read(environment(user, null));
        RemoteRepository central = r.central();
        assertThat(central.getId()).isEqualTo("corp");
        assertThat(central.getUrl()).isEqualTo("https://nexus.corp.example/repository/maven/");
        assertThat(central.getMirroredRepositories()).extracting(RemoteRepository::getId).containsExactly("central");
        assertThat(central.getProxy().getHost()).isEqualTo("proxy.corp.example");
        assertThat(central.getProxy().getPort()).isEqualTo(3128);
        assertThat(central.getProxy().getAuthentication()).isNotNull();
        assertThat(central.getAuthentication()).isNotNull();
        assertThat(r.localRepository()).isEqualTo(dir.resolve("home").resolve("corp-repo"));
        assertThat(r.describe())
                .isEqualTo("https://nexus.corp.example/repository/maven/ (mirror 'corp' of Maven Central) through proxy proxy.corp.example:3128")
                .doesNotContain("secret").doesNotContain("analyst");
    }

    @Test
    void mirrorsOfCentralAndOfExternalRepositoriesMatchCentralOthersDoNot() throws Exception {
        assertThat(mirrorUrlFor("central")).isEqualTo("https://mirror.example/m2/");
        assertThat(mirrorUrlFor("external:*")).isEqualTo("https://mirror.example/m2/");
        assertThat(mirrorUrlFor("*,!central")).isEqualTo(MavenRepositories.CENTRAL_URL);
        assertThat(mirrorUrlFor("snapshots")).isEqualTo(MavenRepositories.CENTRAL_URL);
    }

    @Test
    void theUserSettingsWinOverTheGlobalOnesAndRepoLocalOverBoth() throws Exception {
        Path global = settings("global.xml", """
                <settings>
                  <localRepository>/global/repo</localRepository>
                  <mirrors><mirror><id>global</id><mirrorOf>*</mirrorOf><url>https://global.example/m2/</url></mirror></mirrors>
                </settings>
                """);
        Path user = settings("user.xml", "<settings><localRepository>/user/repo</localRepository></settings>");
        MavenRepositories onlyGlobal = MavenRepositories.read(environment(dir.resolve("missing.xml"), global));
        assertThat(onlyGlobal.central().getUrl()).isEqualTo("https://global.example/m2/");
        assertThat(onlyGlobal.localRepository()).isEqualTo(Path.of("/global/repo"));
        assertThat(MavenRepositories.read(environment(user, global)).localRepository()).isEqualTo(Path.of("/user/repo"));

        Properties system = systemProperties();
        system.setProperty(MavenEnvironment.SETTINGS_PROPERTY, user.toString());
        system.setProperty("maven.repo.local", "/from/command/line");
        MavenEnvironment env = MavenEnvironment.of(system, Map.of());
        assertThat(env.userSettings()).isEqualTo(user);
        assertThat(MavenRepositories.read(env).localRepository()).isEqualTo(Path.of("/from/command/line"));
    }

    @Test
    void theEnvironmentFindsTheUserAndGlobalSettingsWhereMavenDoes() {
        Properties system = systemProperties();
        system.setProperty("maven.home", "/opt/maven");
        MavenEnvironment env = MavenEnvironment.of(system, Map.of("CORP_REPO", "/srv/repo"));
        assertThat(env.userSettings()).isEqualTo(dir.resolve("home/.m2/settings.xml"));
        assertThat(env.globalSettings()).isEqualTo(Path.of("/opt/maven/conf/settings.xml"));
        assertThat(env.properties().getProperty("env.CORP_REPO")).isEqualTo("/srv/repo");
        assertThat(MavenEnvironment.of(systemProperties(), Map.of()).globalSettings()).isNull();
    }

    @Test
    void theResolverIsFoundOnTheBuildsClasspathAndMissingWhereLeftOut() {
        assertThat(CassandraArtifacts.resolverPresent(CassandraArtifacts.class.getClassLoader())).isTrue();
        assertThat(CassandraArtifacts.resolverPresent(new ClassLoader(null) { })).isFalse();
    }

    private String mirrorUrlFor(String mirrorOf) throws Exception {
        Path user = settings("mirror.xml", "<settings><mirrors><mirror><id>m</id><mirrorOf>" + mirrorOf
                + "</mirrorOf><url>https://mirror.example/m2/</url></mirror></mirrors></settings>");
        return MavenRepositories.read(environment(user, null)).central().getUrl();
    }

    private Path settings(String name, String xml) throws Exception {
        return Files.writeString(dir.resolve(name), xml);
    }

    private Properties systemProperties() {
        Properties p = new Properties();
        p.setProperty("user.home", dir.resolve("home").toString());
        return p;
    }

    private MavenEnvironment environment(Path user, Path global) {
        Properties p = systemProperties();
        return new MavenEnvironment(user != null ? user : dir.resolve("none.xml"), global, dir.resolve("home"), null, p);
    }
}
