package dev.ringside.ui.export;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.JobRecord;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.TextCompression;
import dev.ringside.testing.Histories;
import dev.ringside.testing.RecordingPrompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.job.JobHistory;
import dev.ringside.ui.jobs.JobsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export screen's output options without a stage or a cluster: lines per file (with the Excel choice), the BOM,
 * JSON Lines compression, a row limit, a sample, write times and TTLs in the column picker. Each reaches the
 * request, is kept in the history, shown in Jobs, and restored by Re-run (the sample with its seed).
 */
class ExportOutputOptionsTest {

    @TempDir
    Path dir;

    private ExportViewModel screen(Session session, JobHistory history) {
        return new ExportViewModel(session, new SyncTaskRunner(), history, new RecordingPrompter(true), p -> { });
    }

    @Test
    void theOptionsReachTheRequestTheHistoryAndARerun() throws Exception {
        Session session = new Session();
        FakeClusterConnection cluster = new FakeClusterConnection().withEventsTable("vmout", "events").withRanges(4, 100);
        session.connectionProperty().set(cluster);
        JobHistory history = Histories.in(dir.resolve("config"));
        ExportViewModel export = screen(session, history);
        session.tableProperty().set(new TableRef("vmout", "events"));

        assertThat(export.columns()).extracting(ColumnChoice::name).containsExactly("id", "d", "n", "t", "ts",
                "writetime(d)", "ttl(d)", "writetime(n)", "ttl(n)", "writetime(t)", "ttl(t)", "writetime(ts)", "ttl(ts)");
        assertThat(export.columns()).filteredOn(ColumnChoice::isFunction).allMatch(c -> !c.selectedProperty().get());
        export.outputProperty().set(dir.resolve("events.csv").toString());
        export.csvBomProperty().set(true);
        export.rowsPerFileProperty().set(export.excelChoice());
        export.limitProperty().set("5,000");
        export.samplePercentProperty().set("12.5");
        export.columns().stream().filter(c -> c.name().equals("writetime(t)")).findFirst().orElseThrow()
                .selectedProperty().set(true);
        assertThat(export.optionErrorProperty().get()).isEmpty();
        export.start();

        ExportRequest asked = cluster.exportRequests().get(0);
        assertThat(asked.sink()).isInstanceOf(CsvOptions.class);
        assertThat(((CsvOptions) asked.sink()).bom()).isTrue();
        assertThat(asked.columns()).containsExactly("id", "d", "n", "t", "ts", "writetime(t)");
        ExportShape shape = asked.shape();
        assertThat(shape.maxRowsPerFile()).isEqualTo(1_048_576);
        assertThat(shape.limit()).isEqualTo(5_000);
        assertThat(shape.sample()).isEqualTo(0.125);
        assertThat(export.summaryProperty().get()).contains("A SAMPLE:").contains("seed " + shape.seed())
                .contains("Limited to 5,000 rows.");

        JobRecord record = history.records().get(0);
        assertThat(record.job().export().exportShape()).isEqualTo(shape);
        assertThat(new JobsViewModel(history, new dev.ringside.ui.common.Session(), new dev.ringside.ui.common.SyncTaskRunner(),
                new dev.ringside.testing.RecordingPrompter(true), new JobsViewModel.Rerun() {
                    @Override
                    public void run(JobRecord job) { }

                    @Override
                    public void connectTo(dev.ringside.app.history.ClusterEntry cluster) { }
                }).options(record))
                .contains("SAMPLE of 12.5 % of the token space (seed " + shape.seed() + ")")
                .contains("limit 5,000 rows").contains("1,048,576 lines per file");

        // Options changed, then Re-run: every option back, and the same seed, so the same sample.
        ExportViewModel again = export;
        again.rowsPerFileProperty().set("");
        again.csvBomProperty().set(false);
        again.limitProperty().set("");
        again.samplePercentProperty().set("");
        again.columns().forEach(c -> c.selectedProperty().set(!c.isFunction()));
        again.prepare(record);
        assertThat(again.rowsPerFileProperty().get()).isEqualTo(again.excelChoice());
        assertThat(again.csvBomProperty().get()).isTrue();
        assertThat(again.limitProperty().get()).isEqualTo("5000");
        assertThat(again.samplePercentProperty().get()).isEqualTo("12.5");
        again.outputProperty().set(dir.resolve("again.csv").toString());
        again.start();
        ExportRequest rerun = cluster.exportRequests().get(1);
        assertThat(rerun.shape()).isEqualTo(shape);
        assertThat(rerun.columns()).isEqualTo(asked.columns());
    }

    @Test
    void jsonLinesCompressionFollowsTheNameAndBadValuesSayWhatToType() {
        Session session = new Session();
        FakeClusterConnection cluster = new FakeClusterConnection().withEventsTable("vmout", "events").withRanges(2, 10);
        session.connectionProperty().set(cluster);
        ExportViewModel export = screen(session, Histories.in(dir.resolve("config")));
        session.tableProperty().set(new TableRef("vmout", "events"));
        export.formatProperty().set(ExportFormat.JSONL);
        export.jsonlCompressionProperty().set(TextCompression.ZSTD);
        assertThat(export.outputProperty().get()).endsWith("events.jsonl.zst");

        export.rowsPerFileProperty().set("many");
        assertThat(export.optionErrorProperty().get()).isEqualTo("Lines per file must be a whole number of 1 or more, "
                + "or the Excel choice (got 'many').");
        export.rowsPerFileProperty().set("1");
        assertThat(export.optionErrorProperty().get()).isEmpty(); // JSON Lines has no header line
        export.formatProperty().set(ExportFormat.CSV);
        assertThat(export.optionErrorProperty().get()).startsWith("Lines per file must be 2 or more with a header line");
        export.rowsPerFileProperty().set("");
        export.limitProperty().set("0");
        assertThat(export.optionErrorProperty().get()).startsWith("Rows at most must be a whole number of 1 or more");
        export.limitProperty().set("");
        export.samplePercentProperty().set("100");
        assertThat(export.optionErrorProperty().get()).startsWith("The sample must be a percentage above 0 and below 100");
        export.samplePercentProperty().set("");
        assertThat(export.optionErrorProperty().get()).isEmpty();

        export.formatProperty().set(ExportFormat.JSONL);
        export.outputProperty().set(dir.resolve("x.jsonl.zst").toString());
        export.start();
        assertThat(cluster.exportRequests()).extracting(ExportRequest::sink)
                .containsExactly(new JsonLinesOptions(TextCompression.ZSTD));
        assertThat(cluster.exportRequests().get(0).shape()).isEqualTo(ExportShape.ALL);
        assertThat(cluster.exportRequests().get(0).columns()).isEqualTo(List.of());
    }
}
