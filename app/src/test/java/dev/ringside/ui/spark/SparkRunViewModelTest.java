package dev.ringside.ui.spark;

import dev.ringside.app.history.ClusterEntry;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobKind;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.RangeOptionsEntry;
import dev.ringside.app.spark.run.SparkLaunch;
import dev.ringside.app.spark.run.SparkLaunchSettings;
import dev.ringside.app.spark.run.SparkProgress;
import dev.ringside.app.spark.run.SparkRun;
import dev.ringside.app.spark.run.SparkRunResult;
import dev.ringside.app.spark.run.SparkRunState;
import dev.ringside.app.spark.run.SparkRunner;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** "Run on Spark…" without a stage, a cluster or Spark: a fake launcher stands in for spark-submit. */
class SparkRunViewModelTest {

    private static final ClusterEntry CLUSTER = new ClusterEntry(null, List.of("10.0.0.5"), 9042, "dc1", "analyst",
            false, null, false, null, null, true, null);
    private static final SparkLaunchSettings SETTINGS = new SparkLaunchSettings("/opt/spark", "local[*]",
            "/opt/ringside-spark.jar", "com.datastax.spark:spark-cassandra-connector_2.13:3.5.1", "");

    @TempDir
    Path runs;

    private final List<SparkLaunchSettings> remembered = new ArrayList<>();

    private static JobSpec export(int files) {
        return new JobSpec(JobKind.EXPORT, "shop", "orders", RangeOptionsEntry.of(RangeJobOptions.defaults()),
                new ExportEntry("PARQUET", "/data/orders", List.of(), null, files, 0, null, "SNAPPY", null, null, 5000, 0))
                .withCluster(CLUSTER);
    }

    private static JobSpec count() {
        return JobSpec.count("shop", "orders", RangeJobOptions.defaults()).withCluster(CLUSTER);
    }

    private SparkRunViewModel vm(JobSpec job, SparkRunner spark, TaskRunner runner) {
        return new SparkRunViewModel(job, Optional.of("s3cret"), SETTINGS, spark, runner, runs, remembered::add);
    }

    @Test
    void theCommandIsTheJobsSparkSubmitAndHoldsNoPassword() {
        SparkRunViewModel vm = vm(export(1), new FakeSpark(), new SyncTaskRunner());
        String line = vm.commandProperty().get();
        assertThat(line).startsWith("spark-submit --master 'local[*]' --packages com.datastax.spark:spark-cassandra-connector_2.13:3.5.1")
                .contains("--class dev.ringside.spark.RingsideJob /opt/ringside-spark.jar export")
                .contains("--out file:///data/orders", "--format parquet", "--user analyst", "--password-file cassandra-password.txt")
                .doesNotContain("s3cret");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canLaunchProperty().get()).isTrue();

        vm.outputProperty().set("hdfs:///exports/orders");
        vm.packagesProperty().set("");
        vm.extraConfProperty().set("spark.executor.memory=4g\n# a comment\n\nspark.executor.cores = 2");
        assertThat(vm.commandProperty().get()).doesNotContain("--packages")
                .contains("--conf spark.executor.memory=4g --conf spark.executor.cores=2", "--out hdfs:///exports/orders");
    }

    @Test
    void whatSparkCannotDoIsNamedAsTheScreenNamesIt() {
        SparkRunViewModel vm = vm(export(4), new FakeSpark(), new SyncTaskRunner());
        assertThat(vm.problemProperty().get()).contains("more than one file in parallel");
        assertThat(vm.commandProperty().get()).isEmpty();
        assertThat(vm.commandToCopy()).isEmpty();
        assertThat(vm.canLaunchProperty().get()).isFalse();
    }

    @Test
    void aSettingsLineThatIsNotKeyEqualsValueIsNamed() {
        SparkRunViewModel vm = vm(count(), new FakeSpark(), new SyncTaskRunner());
        vm.extraConfProperty().set("spark.executor.memory=4g\nspark.executor.cores 2");
        assertThat(vm.problemProperty().get()).contains("Line 2", "key=value");
        assertThat(vm.canLaunchProperty().get()).isFalse();
        vm.extraConfProperty().set("spark.submit.deployMode=cluster");
        assertThat(vm.problemProperty().get()).contains("client mode");
    }

    @Test
    void withoutASparkHomeTheCommandCanBeCopiedButNotLaunched() {
        SparkRunViewModel vm = vm(count(), new FakeSpark(), new SyncTaskRunner());
        vm.sparkHomeProperty().set(" ");
        assertThat(vm.commandToCopy()).isPresent();
        assertThat(vm.canLaunchProperty().get()).isFalse();
    }

    @Test
    void aLaunchHandsThePasswordThroughTheDriversEnvironmentAndShowsTheCount() {
        FakeSpark spark = new FakeSpark();
        spark.progress = List.of(new SparkProgress(SparkRunState.RUNNING, "app-1", "http://127.0.0.1:4041",
                snapshot(400, 3, 8, false)));
        spark.end = new SparkRunResult(SparkRunState.FINISHED, 1000, Duration.ofSeconds(4), "", runs.resolve("driver.log"));
        SparkRunViewModel vm = vm(count(), spark, new SyncTaskRunner());
        vm.extraConfProperty().set("spark.driver.host=127.0.0.1");

        vm.launch();

        SparkLaunch launch = spark.launched.get(0);
        assertThat(launch.environment()).containsEntry(SparkRunViewModel.PASSWORD_ENV, "s3cret");
        assertThat(launch.submit().args()).containsSequence("--password-env", SparkRunViewModel.PASSWORD_ENV)
                .doesNotContain("--password-file", "s3cret").contains("spark.driver.host=127.0.0.1");
        assertThat(launch.sparkHome()).isEqualTo(Path.of("/opt/spark"));
        assertThat(launch.workFolder().getParent()).isEqualTo(runs);
        assertThat(remembered).singleElement().satisfies(s -> assertThat(s.extraConf()).isEqualTo("spark.driver.host=127.0.0.1"));
        assertThat(vm.stateProperty().get()).isEqualTo("Finished");
        assertThat(vm.resultProperty().get()).isEqualTo("1,000 rows in shop.orders, counted on Spark in 4.0 s.");
        assertThat(vm.progress().rowsTextProperty().get()).isEqualTo("1,000");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.logFolderProperty().get()).isEqualTo(launch.workFolder());
    }

    @Test
    void progressShowsTasksAndTheApplication() {
        FakeSpark spark = new FakeSpark();
        spark.progress = List.of(new SparkProgress(SparkRunState.RUNNING, "app-7", "http://127.0.0.1:4041",
                snapshot(400, 3, 8, false)));
        spark.hold = true;
        SparkRunViewModel vm = vm(export(1), spark, new ThreadRunner());
        vm.launch();
        eventually(() -> vm.stateProperty().get().contains("app-7"));
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.canLaunchProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).contains("Running", "app-7", "http://127.0.0.1:4041");
        assertThat(vm.progress().rangesTextProperty().get()).contains("3", "8");
        vm.cancel();
        eventually(() -> !vm.runningProperty().get());
        assertThat(spark.cancelled).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo("Cancelled");
        assertThat(vm.resultProperty().get()).startsWith("Cancelled.");
    }

    @Test
    void aFailedJobSaysWhyAndWhereItsLogIsAndShowsNoNumber() {
        FakeSpark spark = new FakeSpark();
        spark.end = new SparkRunResult(SparkRunState.FAILED, -1, Duration.ofSeconds(2),
                "--out file:///data/orders already exists: add --overwrite to replace it", runs.resolve("driver.log"));
        SparkRunViewModel vm = vm(export(1), spark, new SyncTaskRunner());
        vm.launch();
        assertThat(vm.stateProperty().get()).isEqualTo("Failed");
        assertThat(vm.resultProperty().get()).contains("already exists", runs.resolve("driver.log").toString())
                .doesNotContainPattern("\\d+ rows");
    }

    @Test
    void aSparkHomeWithoutSparkSubmitIsSaidPlainly() {
        FakeSpark spark = new FakeSpark();
        spark.refuse = "/opt/spark is not a Spark installation: it has no bin/spark-submit.";
        SparkRunViewModel vm = vm(count(), spark, new SyncTaskRunner());
        vm.launch();
        assertThat(vm.resultProperty().get()).isEqualTo("Could not launch the job: /opt/spark is not a Spark installation: it has no bin/spark-submit.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canLaunchProperty().get()).isTrue();
    }

    private static ProgressSnapshot snapshot(long rows, int done, int total, boolean finished) {
        return new ProgressSnapshot(rows, 100, 100, done, 0, 1, total, (double) done / total, Duration.ofSeconds(4),
                null, 0, 0, List.of(), finished);
    }

    /** Runs work on a thread of its own and the callbacks there too: enough to cancel a job that is running. */
    private static final class ThreadRunner implements TaskRunner {
        @Override
        public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            new Thread(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            }).start();
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }
    }

    private static final class FakeSpark implements SparkRunner {
        final List<SparkLaunch> launched = new ArrayList<>();
        List<SparkProgress> progress = List.of();
        SparkRunResult end = new SparkRunResult(SparkRunState.FINISHED, 0, Duration.ofSeconds(1), "", Path.of("log"));
        boolean hold;
        String refuse;
        volatile boolean cancelled;
        private final CompletableFuture<SparkRunResult> result = new CompletableFuture<>();

        @Override
        public SparkRun launch(SparkLaunch launch, Consumer<SparkProgress> listener) throws java.io.IOException {
            if (refuse != null) {
                throw new java.io.IOException(refuse);
            }
            launched.add(launch);
            progress.forEach(listener);
            if (!hold) {
                result.complete(end);
            }
            return new SparkRun() {
                @Override
                public CompletableFuture<SparkRunResult> result() {
                    return result;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                    result.complete(new SparkRunResult(SparkRunState.KILLED, -1, Duration.ofSeconds(1), "", Path.of("log")));
                }
            };
        }

    }

    /** Waits for what the other thread does (not a timed assertion: the bound only ends a hung test). */
    private static void eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The view-model never got there");
            }
            Thread.onSpinWait();
        }
    }
}
