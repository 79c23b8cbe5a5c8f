package dev.ringside.sandbox;

/** This installation has no sandbox: the installed app leaves out the Maven libraries that fetch Cassandra. */
public final class SandboxNotInstalledException extends SandboxException {

    private static final long serialVersionUID = 1L;

    SandboxNotInstalledException() {
        super("The installed app has no sandbox: 'sandbox' and 'demo' start real Cassandra nodes, which needs a build "
                + "from source (a JDK 17 and Maven; then 'mvn -B -Pdemo', or 'java -jar target/ringside.jar sandbox up'). "
                + "See the README, 'Sandbox cluster'. Count and export work against any cluster.");
    }
}
