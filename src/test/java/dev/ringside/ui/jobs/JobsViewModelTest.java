package dev.ringside.ui.jobs;

import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.testing.Histories;
import dev.ringside.ui.common.job.JobHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs screen's words for each row, and Re-run. */
class JobsViewModelTest {

    @TempDir
    Path dir;

    private final RangeJobOptions options = RangeJobOptions.defaults().withSplits(1_024).withParallelism(6)
            .withConsistency(Consistency.LOCAL_QUORUM);

    @Test
    void aCountShowsItsRangeOptions() {
        JobsViewModel vm = new JobsViewModel(Histories.in(dir), j -> { });
        JobRecord count = new JobRecord(JobSpec.count("shop", "orders", options), Instant.EPOCH,
                new JobOutcome(JobState.COMPLETE, 10, 1, 10, "Exact count"));
        assertThat(vm.kind(count)).isEqualTo("count");
        assertThat(vm.outcome(count)).isEqualTo("complete");
        assertThat(vm.options(count)).isEqualTo("1,024 splits, parallelism 6, LOCAL_QUORUM");
    }

    @Test
    void anExportShowsWhereAndHowItWrote() {
        JobsViewModel vm = new JobsViewModel(Histories.in(dir), j -> { });
        ExportRequest request = new ExportRequest("shop", "orders", List.of("id", "total"), "total > 1 ALLOW FILTERING",
                options, ParquetOptions.defaults(), Path.of("/data/orders.parquet"), 4, 5000, 20_000, false, false,
                Duration.ofMillis(250));
        JobRecord export = new JobRecord(JobSpec.export(request), Instant.EPOCH, JobOutcome.failed("disk full"));
        assertThat(vm.kind(export)).isEqualTo("export");
        assertThat(vm.outcome(export)).isEqualTo("failed");
        assertThat(vm.options(export)).isEqualTo("1,024 splits, parallelism 6, LOCAL_QUORUM, parquet to "
                + Path.of("/data/orders.parquet") + ", columns id,total, where total > 1 ALLOW FILTERING, 4 files, max 20,000 rows/s");
    }

    @Test
    void reRunHandsTheSelectedJobOver() {
        JobHistory history = Histories.in(dir);
        List<JobRecord> rerun = new ArrayList<>();
        JobsViewModel vm = new JobsViewModel(history, rerun::add);
        vm.rerunSelected();
        assertThat(rerun).isEmpty();
        JobRecord job = new JobRecord(JobSpec.count("shop", "orders", options), Instant.EPOCH, JobOutcome.failed(""));
        history.add(job);
        assertThat(vm.records()).containsExactly(job);
        vm.selectedProperty().set(job);
        vm.rerunSelected();
        assertThat(rerun).containsExactly(job);
    }
}
