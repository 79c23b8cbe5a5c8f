package dev.ringside.ui;

import dev.ringside.app.DriverClusterConnection;
import dev.ringside.sandbox.SandboxSettings;
import dev.ringside.testing.SecretFiles;
import dev.ringside.ui.common.AppFiles;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed issue's app measurement, not a test: the same CSV export from the real Export screen (TestFX, headless)
 * and from the command line (a child JVM of the same classes), in alternated rounds, with the FX thread's longest
 * and 99th-percentile stall during each app export. It asserts only that every run completed; the numbers go to the
 * log and to {@code target/app-speed.txt}. Runs only with {@code mvn -B -pl app -Pappbench test} against a cluster
 * that already holds the table:
 * {@code -Dringside.appbench.hosts=127.0.24.1,127.0.24.2,127.0.24.3 -Dringside.appbench.table=demo.events
 * -Dringside.appbench.splits=96 -Dringside.appbench.parallelism=8 -Dringside.appbench.rounds=3}.
 */
@Tag("appbench")
class AppSpeedBench {

    private static final Logger LOG = LoggerFactory.getLogger(AppSpeedBench.class);
    private static final Pattern RATE = Pattern.compile("([0-9][0-9,]*) rows/s");

    private final FxRobot robot = new FxRobot();
    private final String hosts = System.getProperty("ringside.appbench.hosts", "127.0.0.1");
    private final String table = System.getProperty("ringside.appbench.table", "demo.events");
    private final int splits = Integer.getInteger("ringside.appbench.splits", 96);
    private final int parallelism = Integer.getInteger("ringside.appbench.parallelism", 8);
    private final int rounds = Integer.getInteger("ringside.appbench.rounds", 3);
    private final String user = System.getProperty("ringside.appbench.user", SandboxSettings.USER);
    private final String password = System.getProperty("ringside.appbench.password", SandboxSettings.PASSWORD);
    /** To find what the FX thread's stalls cost: parts of the Export screen hidden during the app's exports (selectors). */
    private final List<String> hide = List.of(System.getProperty("ringside.appbench.hide", "").split(",")).stream()
            .filter(q -> !q.isBlank()).toList();
    /** Whether each round runs the CLI's export too (false: only the app's, to look at the FX thread alone). */
    private final boolean withCli = Boolean.parseBoolean(System.getProperty("ringside.appbench.cli", "true"));
    private RingsideUi ui;
    /** The FX thread's p99 stall during the last CLI export, with the app idle. */
    private double idleP99Millis;
    @TempDir
    Path dir;

    record Round(double cliRowsPerSecond, double appRowsPerSecond, double maxStallMillis, double p99StallMillis, int pulses,
                 double p99OutsideGcMillis, double longestGcPauseMillis, int gcPauses, double idleP99Millis) {
    }

    @Test
    void appAndCommandLineExportTheSameTableAtTheirSpeeds() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Path config = Files.createDirectories(dir.resolve("config"));
        FxToolkit.setupFixture(() -> {
            ui = new RingsideUi(stage, new AppFiles(config), DriverClusterConnection.connector(), folder -> { });
            ui.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            connect();
            selectTable();
            List<Round> results = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double cli = withCli ? cliExport(round) : Double.NaN;
                Round r = appExport(round, cli);
                results.add(r);
                LOG.info("Round {}: CLI {} rows/s, app {} rows/s ({}), FX thread: longest stall {} ms, p99 {} ms, {} pulses",
                        round, (long) r.cliRowsPerSecond(), (long) r.appRowsPerSecond(),
                        percent(r.appRowsPerSecond() / r.cliRowsPerSecond()), fmt(r.maxStallMillis()), fmt(r.p99StallMillis()), r.pulses());
            }
            report(results);
        } finally {
            FxToolkit.cleanupStages();
            if (ui.session().connection() != null) {
                ui.session().connection().close();
            }
        }
    }

    private void connect() throws Exception {
        new ConnectTab(robot, ui).connect(hosts, 9042, user, password);
    }

    private void selectTable() throws Exception {
        String[] kt = table.split("\\.");
        robot.interact(() -> ui.mainController().show(MainController.Screen.EXPORT));
        // The export screen follows the table chosen in Browse.
        robot.interact(() -> ui.session().tableProperty().set(new dev.ringside.app.TableRef(kt[0], kt[1])));
        waitFor(() -> ui.exportViewModel().canStartProperty().get(), 60);
    }

    private double cliExport(int round) throws Exception {
        Path out = dir.resolve("cli-" + round + ".csv");
        Path pw = dir.resolve("pw");
        if (!Files.exists(pw)) {
            SecretFiles.write(pw, password);
        }
        String[] kt = table.split("\\.");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ringside.Main", "export", "--host", hosts, "--user", user,
                "--password-file", pw.toString(), "-k", kt[0], "-t", kt[1], "--splits", Integer.toString(splits),
                "--parallelism", Integer.toString(parallelism), "--out", out.toString(), "--json", "--quiet");
        Path stdout = dir.resolve("cli.json");
        // The control: the same watch on the app's FX thread while it does nothing and the CLI's export loads the
        // machine. Its stalls are the machine's (the thread waiting for a core), not the app's work.
        FxThreadWatch idle = new FxThreadWatch(dir);
        Process child;
        try (idle) {
            child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(child.waitFor(30, TimeUnit.MINUTES)).isTrue();
        }
        idleP99Millis = idle.p99StallMillis();
        assertThat(child.exitValue()).isZero();
        String json = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        Matcher m = Pattern.compile("\"rowsPerSecond\":([0-9.]+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private Round appExport(int round, double cli) throws Exception {
        Path out = dir.resolve("app-" + round + ".csv");
        robot.interact(() -> {
            text("exportTab", "#output").setText(out.toString());
            ((CheckBox) in("exportTab", "#autoParallelism")).setSelected(false);
            spinner("exportTab", "#splitsField", splits);
            spinner("exportTab", "#parallelismField", parallelism);
            for (String q : hide) {
                tab("exportTab").getContent().lookupAll(q).forEach(n -> n.setVisible(false));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxThreadWatch watch = new FxThreadWatch(dir, true);
        try (watch) {
            robot.interact(() -> ((javafx.scene.control.Button) in("exportTab", "#start")).fire());
            waitFor(() -> !ui.exportViewModel().summaryProperty().get().isEmpty()
                    || ui.exportViewModel().statusProperty().get().contains("failed"), 1800);
        }
        LOG.info("Round {}: where the FX thread was while late (5 ms samples):\n  {}", round,
                String.join("\n  ", watch.samples().late(25)));
        LOG.info("Round {}: where the busy FX thread was (5 ms samples):\n  {}", round,
                String.join("\n  ", watch.samples().busy(25)));
        String summary = ui.exportViewModel().summaryProperty().get();
        assertThat(summary).as(ui.exportViewModel().statusProperty().get()).startsWith("Exported ");
        Matcher m = RATE.matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        Files.deleteIfExists(out);
        return new Round(cli, Double.parseDouble(m.group(1).replace(",", "")), watch.maxStallMillis(), watch.p99StallMillis(),
                watch.pulses(), watch.p99StallOutsideGcMillis(), watch.longestGcPauseMillis(), watch.gcPauses(), idleP99Millis);
    }

    private void report(List<Round> results) throws Exception {
        StringBuilder t = new StringBuilder("| round | CLI rows/s | app rows/s | app / CLI | FX longest stall | FX p99 stall "
                + "| FX p99 outside GC pauses | GC pauses (longest) | FX p99, app idle during the CLI's export |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            Round r = results.get(i);
            t.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %s | %s ms | %s ms | %s ms | %d (%s ms) | %s ms |%n", i + 1,
                    r.cliRowsPerSecond(), r.appRowsPerSecond(), percent(r.appRowsPerSecond() / r.cliRowsPerSecond()),
                    fmt(r.maxStallMillis()), fmt(r.p99StallMillis()), fmt(r.p99OutsideGcMillis()), r.gcPauses(),
                    fmt(r.longestGcPauseMillis()), fmt(r.idleP99Millis())));
        }
        double cli = median(results.stream().mapToDouble(Round::cliRowsPerSecond).toArray());
        double app = median(results.stream().mapToDouble(Round::appRowsPerSecond).toArray());
        t.append(String.format(Locale.ROOT, "| median | %,.0f | %,.0f | %s | %s ms (max) | | | | |%n", cli, app, percent(app / cli),
                fmt(results.stream().mapToDouble(Round::maxStallMillis).max().orElse(0))));
        Files.writeString(Path.of("target", "app-speed.txt"), t.toString());
        LOG.info("App against CLI, {} at {} splits, parallelism {}:\n{}", table, splits, parallelism, t);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private Tab tab(String id) {
        return ui.mainController().tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private Node in(String tabId, String query) {
        return robot.from(tab(tabId).getContent()).lookup(query).query();
    }

    private TextField text(String tabId, String query) {
        return (TextField) in(tabId, query);
    }

    private void spinner(String tabId, String query, int value) {
        Spinner<?> s = (Spinner<?>) in(tabId, query);
        s.getEditor().setText(Integer.toString(value));
        s.commitValue();
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
