package dev.ringside.app.spark.run;

import dev.ringside.app.spark.SparkSubmit;
import dev.ringside.engine.progress.ProgressSnapshot;
import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Launches the job with Spark's own {@link SparkLauncher}: the Spark installation's {@code bin/spark-submit} in a
 * process of its own, in client mode, so the driver runs on this machine. The launcher reports the application's
 * id and state; the driver's web UI, on a port chosen here, answers the REST API for tasks and rows; the job writes
 * which token ranges each task reads. A poller joins the three about once a second.
 */
public final class LauncherSparkRunner implements SparkRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LauncherSparkRunner.class);
    /** How long a stop may take before spark-submit's process is ended. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);

    @Override
    public SparkRun launch(SparkLaunch launch, Consumer<SparkProgress> progress) throws IOException {
        Path submitScript = launch.sparkHome().resolve("bin").resolve(isWindows() ? "spark-submit.cmd" : "spark-submit");
        if (!Files.isRegularFile(submitScript)) {
            throw new IOException(launch.sparkHome() + " is not a Spark installation: it has no bin/"
                    + submitScript.getFileName() + ". Choose the folder Spark 3.5 was unpacked in (its SPARK_HOME).");
        }
        Files.createDirectories(launch.workFolder());
        int uiPort = freePort();
        String uiUrl = "http://127.0.0.1:" + uiPort;
        SparkSubmit submit = launch.submit()
                .withConf(Map.of("spark.ui.enabled", "true", "spark.ui.port", Integer.toString(uiPort)))
                .withAppArgs(List.of("--splits-file", launch.splitsFile().toString()));
        SparkLauncher launcher = new SparkLauncher(launch.environment())
                .setSparkHome(launch.sparkHome().toString())
                .setMaster(submit.master())
                .setDeployMode("client")
                .setMainClass(SparkSubmit.MAIN_CLASS)
                .setAppResource(submit.jar())
                .setAppName("ringside " + submit.appArgs().get(0))
                .redirectOutput(launch.stdout().toFile())
                .redirectError(launch.stderr().toFile());
        if (!submit.packages().isEmpty()) {
            launcher.addSparkArg("--packages", String.join(",", submit.packages()));
        }
        if (!submit.files().isEmpty()) {
            launcher.addSparkArg("--files", String.join(",", submit.files()));
        }
        submit.conf().forEach(launcher::setConf);
        launcher.addAppArgs(submit.appArgs().toArray(String[]::new));
        LOG.info("Launching the Spark job on {} with {}: {}", submit.master(), submitScript, submit.appArgs().get(0));
        Run run = new Run(launch, uiUrl, progress);
        synchronized (this) { // one launch at a time, so the children that appear are this launch's
            Set<Long> before = SubmitProcesses.childrenNow();
            run.handle = launcher.startApplication(run);
            run.processes = SubmitProcesses.since(before);
        }
        run.start();
        return run;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static SparkRunState stateOf(SparkAppHandle.State s) {
        return switch (s) {
            case UNKNOWN, CONNECTED -> SparkRunState.STARTING;
            case SUBMITTED -> SparkRunState.SUBMITTED;
            case RUNNING -> SparkRunState.RUNNING;
            case FINISHED -> SparkRunState.FINISHED;
            case FAILED -> SparkRunState.FAILED;
            case KILLED -> SparkRunState.KILLED;
            case LOST -> SparkRunState.LOST;
        };
    }

    /** One launched application: the launcher's listener, the poller, and the result. */
    private static final class Run implements SparkRun, SparkAppHandle.Listener {

        private final SparkLaunch launch;
        private final String uiUrl;
        private final Consumer<SparkProgress> progress;
        private final SparkRestClient rest;
        private final SparkProgressFeed feed = new SparkProgressFeed();
        private final CompletableFuture<SparkRunResult> result = new CompletableFuture<>();
        private final Instant started = Instant.now();
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spark-job-poller");
            t.setDaemon(true);
            return t;
        });
        private volatile SparkAppHandle handle;
        private volatile SubmitProcesses processes = new SubmitProcesses(List.of());
        private volatile boolean cancelled;
        private List<SparkRestClient.Stage> lastStages = List.of();
        private List<SparkRestClient.Task> lastTasks = List.of();
        /** The job's split map, once its driver has written it. */
        private Optional<SplitMap> splits = Optional.empty();

        Run(SparkLaunch launch, String uiUrl, Consumer<SparkProgress> progress) {
            this.launch = launch;
            this.uiUrl = uiUrl;
            this.progress = progress;
            this.rest = new SparkRestClient(uiUrl);
        }

        void start() {
            poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void stateChanged(SparkAppHandle h) {
            if (h.getState().isFinal() && !poller.isShutdown()) {
                try {
                    poller.execute(this::poll); // the last word comes from the poller's thread, after its last poll
                } catch (java.util.concurrent.RejectedExecutionException alreadyEnded) {
                    // a second final state (FINISHED, then FAILED for a non-zero exit) after the result was given
                }
            }
        }

        @Override
        public void infoChanged(SparkAppHandle h) {
        }

        private void poll() {
            if (result.isDone()) {
                return;
            }
            SparkAppHandle h = handle;
            SparkRunState state = h == null ? SparkRunState.STARTING : stateOf(h.getState());
            String appId = h == null ? null : h.getAppId();
            if (splits.isEmpty()) {
                splits = SplitMap.read(launch.splitsFile()); // written whole, once, before any task starts
            }
            if (appId != null && !state.isFinal()) {
                try {
                    lastStages = rest.stages(appId);
                    lastTasks = SparkProgressFeed.readingStage(lastStages, splits)
                            .map(s -> tasksOf(appId, s)).orElse(List.of());
                } catch (IOException e) {
                    LOG.debug("Spark's REST API at {} did not answer: {}", uiUrl, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Duration elapsed = Duration.between(started, Instant.now());
            SparkRunResult end = state.isFinal() ? end(state, elapsed) : null;
            ProgressSnapshot snapshot = end != null && end.succeeded()
                    ? feed.succeeded(elapsed, lastStages, lastTasks, splits)
                    : feed.snapshot(elapsed, end != null, lastStages, lastTasks, splits);
            progress.accept(new SparkProgress(end != null ? end.state() : state, appId, uiUrl, snapshot));
            if (end != null) {
                poller.shutdown();
                result.complete(end);
            }
        }

        private List<SparkRestClient.Task> tasksOf(String appId, SparkRestClient.Stage stage) {
            try {
                return rest.tasks(appId, stage);
            } catch (IOException e) {
                return lastTasks;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lastTasks;
            }
        }

        /** Finished only with the job's whole result printed; otherwise its own reason, or the log to read. */
        private SparkRunResult end(SparkRunState state, Duration elapsed) {
            if (cancelled && state != SparkRunState.FINISHED) {
                state = SparkRunState.KILLED;
            }
            var rows = DriverOutput.result(launch.kind(), launch.stdout());
            if (state == SparkRunState.FINISHED && rows.isPresent()) {
                return new SparkRunResult(state, rows.getAsLong(), elapsed, "", launch.stderr());
            }
            String reason = DriverOutput.failure(launch.stderr());
            SparkRunState failed = state == SparkRunState.FINISHED ? SparkRunState.FAILED : state;
            LOG.info("The Spark job ended {}: {}", failed, reason);
            return new SparkRunResult(failed, -1, elapsed, reason, launch.stderr());
        }

        @Override
        public CompletableFuture<SparkRunResult> result() {
            return result;
        }

        @Override
        public void cancel() {
            SparkAppHandle h = handle;
            if (h == null || h.getState().isFinal()) {
                return;
            }
            cancelled = true;
            try {
                h.stop();
            } catch (IllegalStateException notConnectedYet) {
                h.kill();
                return;
            }
            // Whatever state the application reported: a driver that stopped its SparkContext can still hang.
            poller.schedule(() -> {
                if (!h.getState().isFinal()) {
                    h.kill();
                }
                int ended = processes.end();
                if (ended > 0) {
                    LOG.info("spark-submit had not ended within {} s of Cancel: ended {} process(es)", STOP_GRACE.toSeconds(), ended);
                }
            }, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
