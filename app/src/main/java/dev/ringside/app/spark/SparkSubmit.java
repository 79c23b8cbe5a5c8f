package dev.ringside.app.spark;

import dev.ringside.app.command.JobCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code spark-submit} of Ringside's Spark job: what "Run on Spark…" launches and what {@code ringside
 * spark-command} prints. It holds no secret: the job reads the password from a file or an environment variable that
 * its arguments name.
 *
 * @param master   Spark's master URL: {@code local[*]}, {@code spark://…}, {@code yarn}, {@code k8s://…}
 * @param packages Maven coordinates Spark resolves for the job (the Cassandra connector)
 * @param conf     Spark settings, in the order given
 * @param files    files shipped to the driver's working directory (a password file)
 * @param jar      the job's jar, {@code ringside-spark.jar}
 * @param appArgs  the job's arguments: {@code export …} or {@code count …}
 */
public record SparkSubmit(String master, List<String> packages, Map<String, String> conf, List<String> files,
                          String jar, List<String> appArgs) {

    /** The program a Spark installation puts on the path. */
    public static final String PROGRAM = "spark-submit";
    /** The job's entry point in {@code ringside-spark.jar}. */
    public static final String MAIN_CLASS = "dev.ringside.spark.RingsideJob";

    public SparkSubmit {
        packages = List.copyOf(packages);
        conf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
        files = List.copyOf(files);
        appArgs = List.copyOf(appArgs);
    }

    /** The same submit with more Spark settings; a key given again takes the new value. */
    public SparkSubmit withConf(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(conf);
        all.putAll(more);
        return new SparkSubmit(master, packages, all, files, jar, appArgs);
    }

    /** The same submit with other packages for Spark to resolve (none: the cluster has the connector already). */
    public SparkSubmit withPackages(List<String> other) {
        return new SparkSubmit(master, other, conf, files, jar, appArgs);
    }

    /** The same submit with more arguments for the job, after its own. */
    public SparkSubmit withAppArgs(List<String> more) {
        List<String> all = new java.util.ArrayList<>(appArgs);
        all.addAll(more);
        return new SparkSubmit(master, packages, conf, files, jar, all);
    }

    /** The arguments after {@code spark-submit}, unquoted, in the order spark-submit wants them. */
    public List<String> args() {
        List<String> a = new java.util.ArrayList<>();
        a.add("--master");
        a.add(master);
        if (!packages.isEmpty()) {
            a.add("--packages");
            a.add(String.join(",", packages));
        }
        conf.forEach((k, v) -> {
            a.add("--conf");
            a.add(k + "=" + v);
        });
        if (!files.isEmpty()) {
            a.add("--files");
            a.add(String.join(",", files));
        }
        a.add("--class");
        a.add(MAIN_CLASS);
        a.add(jar);
        a.addAll(appArgs);
        return a;
    }

    /** The whole line for a POSIX shell, each argument quoted where it needs it. */
    public String posix() {
        StringBuilder line = new StringBuilder(PROGRAM);
        for (String a : args()) {
            line.append(' ').append(JobCommand.quote(a));
        }
        return line.toString();
    }
}
