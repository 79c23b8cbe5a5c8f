package dev.ringside.app.spark;

/**
 * Where a job runs on Spark, beside what it does.
 *
 * @param master                 Spark's master URL ({@code local[*]}, {@code spark://host:7077}, {@code yarn},
 *                               {@code k8s://…})
 * @param jobJar                 the path or URL of {@code ringside-spark.jar} as spark-submit should read it
 * @param passwordFile           the file the job reads the cluster's password from, for a cluster with a user;
 *                               {@code null} for {@link SparkCommands#PASSWORD_FILE}, a file the user writes it in
 * @param truststorePasswordFile the file holding the truststore's password; {@code null} for the default name
 * @param keystorePasswordFile   the file holding the keystore's password; {@code null} for the default name
 * @param passwordEnv            the driver's environment variable holding the cluster's password, in place of
 *                               {@code passwordFile}: how the app hands the password to a job it launches itself,
 *                               never writing it down; {@code null} for the file
 */
public record SparkTarget(String master, String jobJar, String passwordFile, String truststorePasswordFile,
                          String keystorePasswordFile, String passwordEnv) {

    /** Runs on all of this machine's cores. */
    public static final String LOCAL = "local[*]";

    public SparkTarget {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("Give a Spark master URL: local[*] runs on this machine; "
                    + "spark://host:7077, yarn or k8s://https://host:6443 run on a cluster.");
        }
        master = master.strip();
        if (jobJar == null || jobJar.isBlank()) {
            throw new IllegalArgumentException("Give the path of ringside-spark.jar, the Spark job (mvn package builds it "
                    + "in spark/target).");
        }
        jobJar = jobJar.strip();
        passwordFile = blankToNull(passwordFile);
        truststorePasswordFile = blankToNull(truststorePasswordFile);
        keystorePasswordFile = blankToNull(keystorePasswordFile);
        passwordEnv = blankToNull(passwordEnv);
    }

    /** A target whose job reads the password from a file. */
    public SparkTarget(String master, String jobJar, String passwordFile, String truststorePasswordFile,
                       String keystorePasswordFile) {
        this(master, jobJar, passwordFile, truststorePasswordFile, keystorePasswordFile, null);
    }

    /** The same target, its job reading the password from the driver's environment variable {@code variable}. */
    public SparkTarget withPasswordEnv(String variable) {
        return new SparkTarget(master, jobJar, passwordFile, truststorePasswordFile, keystorePasswordFile, variable);
    }

    /** A target whose TLS stores' passwords are in files of the default names. */
    public SparkTarget(String master, String jobJar, String passwordFile) {
        this(master, jobJar, passwordFile, null, null);
    }

    String truststorePasswordFileOr(String fallback) {
        return truststorePasswordFile == null ? fallback : truststorePasswordFile;
    }

    String keystorePasswordFileOr(String fallback) {
        return keystorePasswordFile == null ? fallback : keystorePasswordFile;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
