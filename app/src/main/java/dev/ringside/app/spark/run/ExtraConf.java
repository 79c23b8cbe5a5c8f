package dev.ringside.app.spark.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** More Spark settings as a user types them: one {@code key=value} a line; blank lines and {@code #} comments skipped. */
public final class ExtraConf {

    private ExtraConf() {
    }

    /**
     * @throws IllegalArgumentException naming the line that is not {@code key=value}, or a setting the app cannot
     *                                  follow
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> conf = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the Spark settings is not key=value: " + line);
            }
            String key = line.substring(0, eq).strip();
            if (key.equals("spark.submit.deployMode") && !line.substring(eq + 1).strip().equals("client")) {
                throw new IllegalArgumentException("The app follows a driver that runs on this machine (client mode): "
                        + "remove spark.submit.deployMode, or copy the command to submit it in cluster mode.");
            }
            conf.put(key, line.substring(eq + 1).strip());
        }
        return conf;
    }
}
