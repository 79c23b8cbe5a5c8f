package dev.ringside.app.spark.run;

/**
 * What "Run on Spark…" remembers between launches (no secret in it).
 *
 * @param sparkHome the Spark installation (its {@code SPARK_HOME})
 * @param master    Spark's master URL
 * @param jobJar    {@code ringside-spark.jar}
 * @param packages  Maven coordinates for Spark to resolve, comma-separated (the connector); blank when the cluster
 *                  has it already
 * @param extraConf more Spark settings, one {@code key=value} a line
 */
public record SparkLaunchSettings(String sparkHome, String master, String jobJar, String packages, String extraConf) {

    public SparkLaunchSettings {
        sparkHome = orEmpty(sparkHome);
        master = orEmpty(master);
        jobJar = orEmpty(jobJar);
        packages = orEmpty(packages);
        extraConf = orEmpty(extraConf);
    }

    /** The same settings, each blank one taken from {@code defaults}; packages stay blank when chosen so. */
    public SparkLaunchSettings orElse(SparkLaunchSettings defaults) {
        return new SparkLaunchSettings(sparkHome.isBlank() ? defaults.sparkHome : sparkHome,
                master.isBlank() ? defaults.master : master, jobJar.isBlank() ? defaults.jobJar : jobJar, packages,
                extraConf);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
