package dev.ringside.ui.export;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportException;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.ParquetOptions.ParquetCompression;
import dev.ringside.sink.SinkOptions;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.JobProgressModel;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.ProgressRelay;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.RangeSettings;
import dev.ringside.ui.common.RunningJob;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.jobs.JobHistory;
import dev.ringside.ui.jobs.JobRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The export screen: format and its options, columns, filter, output path, throttle; Start / Cancel / Resume; live
 * progress; at the end a summary with the files written, or the failed ranges and a way to resume.
 */
public final class ExportViewModel {

    private final Session session;
    private final TaskRunner runner;
    private final JobHistory history;
    private final Prompter prompter;
    private final Consumer<Path> folderOpener;
    private final RangeSettings settings = new RangeSettings();
    private final JobProgressModel progress = new JobProgressModel();

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final BooleanProperty csvHeader = new SimpleBooleanProperty(true);
    private final StringProperty csvDelimiter = new SimpleStringProperty(",");
    private final StringProperty csvNullString = new SimpleStringProperty("");
    private final BooleanProperty csvGzip = new SimpleBooleanProperty(false);
    private final ObjectProperty<ParquetCompression> parquetCompression = new SimpleObjectProperty<>(ParquetCompression.SNAPPY);
    private final IntegerProperty files = new SimpleIntegerProperty(1);
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final StringProperty where = new SimpleStringProperty("");
    private final StringProperty output = new SimpleStringProperty("");
    private final LongProperty maxRowsPerSecond = new SimpleLongProperty(0);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a table in Browse, then press Start.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper optionError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Path>> writtenFiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(false);
    private final RunningJob<ExportResult> job = new RunningJob<>();
    private final BooleanBinding canStart;
    private ExportRequest lastRequest;
    private String autoOutput = "";

    public ExportViewModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter, Consumer<Path> folderOpener) {
        this.session = session;
        this.runner = runner;
        this.history = history;
        this.prompter = prompter;
        this.folderOpener = folderOpener;
        canStart = Bindings.createBooleanBinding(() -> session.connection() != null && session.tableProperty().get() != null
                        && !session.jobRunningProperty().get() && !output.get().isBlank() && optionError.get().isEmpty(),
                session.connectionProperty(), session.tableProperty(), session.jobRunningProperty(), output, optionError);
        session.connectionProperty().addListener((o, was, now) -> {
            if (now != null) {
                settings.useDefaultsFor(now.liveNodes());
            }
        });
        session.tableProperty().addListener((o, was, now) -> tableChanged(now));
        format.addListener((o, was, now) -> suggestOutput(session.tableProperty().get()));
        csvGzip.addListener((o, was, now) -> suggestOutput(session.tableProperty().get()));
        csvDelimiter.addListener((o, was, now) -> validate());
        files.addListener((o, was, now) -> validate());
        maxRowsPerSecond.addListener((o, was, now) -> validate());
        columns.addListener((javafx.collections.ListChangeListener<ColumnChoice>) c -> validate());
        settings.validProperty().addListener((o, was, now) -> validate());
        settings.splitsErrorProperty().addListener((o, was, now) -> validate());
        settings.parallelismErrorProperty().addListener((o, was, now) -> validate());
    }

    private void validate() {
        String d = csvDelimiter.get();
        if (!settings.firstError().isEmpty()) {
            optionError.set(settings.firstError());
        } else if (format.get() == ExportFormat.CSV && csvProblem(d).isPresent()) {
            optionError.set(csvProblem(d).orElseThrow());
        } else if (files.get() < 1 || files.get() > ExportRequest.MAX_FILES) {
            optionError.set("Files must be between 1 and " + ExportRequest.MAX_FILES + ".");
        } else if (maxRowsPerSecond.get() < 0) {
            optionError.set("The throttle must be 0 (none) or a positive number of rows per second.");
        } else if (!columns.isEmpty() && columns.stream().noneMatch(c -> c.selectedProperty().get())) {
            optionError.set("Choose at least one column.");
        } else {
            optionError.set("");
        }
    }

    private void tableChanged(TableRef table) {
        if (running.get()) {
            return;
        }
        columns.clear();
        progress.reset();
        summary.set("");
        failures.clear();
        canResume.set(false);
        writtenFiles.set(List.of());
        suggestOutput(table);
        ClusterConnection c = session.connection();
        if (table == null || c == null) {
            status.set("Choose a table in Browse, then press Start.");
            return;
        }
        status.set("Ready to export " + table + ".");
        runner.run("columns", () -> c.table(table.keyspace(), table.table()), info -> {
            if (table.equals(session.tableProperty().get())) {
                columns.setAll(info.columns().stream().map(col -> {
                    ColumnChoice choice = new ColumnChoice(col.name(), col.cqlType());
                    choice.selectedProperty().addListener((o, was, now) -> validate());
                    return choice;
                }).toList());
            }
        }, error -> status.set("Could not read the columns of " + table + ": " + Messages.of(error)));
    }

    /** Proposes ~/table.ext, and follows the format while the user has not typed a path of their own. */
    private void suggestOutput(TableRef table) {
        if (table == null || !(output.get().isBlank() || output.get().equals(autoOutput))) {
            validate();
            return;
        }
        String ext = format.get().extension() + (format.get() == ExportFormat.CSV && csvGzip.get() ? ".gz" : "");
        autoOutput = Path.of(System.getProperty("user.home"), table.table() + "." + ext).toString();
        output.set(autoOutput);
        validate();
    }

    /** The CSV delimiter typed, checked by the sink's own rules (the quote is always the double quote here). */
    private static java.util.Optional<String> csvProblem(String delimiter) {
        return CsvOptions.characterProblem(delimiter).map(p -> "The CSV delimiter " + p)
                .or(() -> CsvOptions.sameCharacterProblem(CsvOptions.character(delimiter).orElseThrow(), '"'));
    }

    private SinkOptions sinkOptions() {
        return switch (format.get()) {
            case CSV -> new CsvOptions(csvHeader.get(), CsvOptions.character(csvDelimiter.get()).orElseThrow(),
                    '"', null, csvNullString.get(), csvGzip.get());
            case PARQUET -> new ParquetOptions(parquetCompression.get(), ParquetOptions.DEFAULT_ROW_GROUP_BYTES);
            case JSONL -> new JsonLinesOptions();
        };
    }

    private List<String> chosenColumns() {
        if (columns.stream().allMatch(c -> c.selectedProperty().get())) {
            return List.of(); // all, in schema order
        }
        return columns.stream().filter(c -> c.selectedProperty().get()).map(ColumnChoice::name).toList();
    }

    /** Starts the export; asks before replacing an existing file (the check runs off the UI thread). */
    public void start() {
        TableRef table = session.tableProperty().get();
        ClusterConnection c = session.connection();
        if (table == null || c == null || !canStart.get()) {
            status.set(optionError.get().isEmpty() ? "Choose a table in Browse and an output file first." : optionError.get());
            return;
        }
        Path out = Path.of(output.get().trim());
        ExportRequest request;
        try {
            request = new ExportRequest(table.keyspace(), table.table(), chosenColumns(), where.get().isBlank() ? null : where.get().trim(),
                    settings.toOptions(), sinkOptions(), out, files.get(), ExportRequest.DEFAULT_PAGE_SIZE, maxRowsPerSecond.get(),
                    false, false, ProgressRelay.INTERVAL);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        runner.run("check-output", () -> Files.exists(out), exists -> {
            if (exists && !prompter.confirm("Replace " + out.getFileName() + "?", out + " already exists. Replace it with this export?")) {
                status.set("Not started: " + out + " already exists. Choose another file or confirm the replacement.");
                return;
            }
            launch(table, c, exists ? request.withOverwrite(true) : request);
        }, error -> status.set("Cannot check the output file: " + Messages.of(error)));
    }

    /** Finishes an incomplete or cancelled export from its checkpoint. */
    public void resume() {
        ClusterConnection c = session.connection();
        if (lastRequest == null || c == null || !canResume.get()) {
            return;
        }
        // Keeps the choice the user made at Start: after confirming "Replace", the file being replaced still exists.
        launch(new TableRef(lastRequest.keyspace(), lastRequest.table()), c, lastRequest.withResume(true));
    }

    private void launch(TableRef table, ClusterConnection c, ExportRequest request) {
        if (!session.startJob()) {
            status.set("Another job is running; wait for it or cancel it first.");
            return;
        }
        lastRequest = request;
        progress.reset();
        summary.set("");
        failures.clear();
        canResume.set(false);
        writtenFiles.set(List.of());
        running.set(true);
        status.set((request.resume() ? "Resuming" : "Exporting") + " " + table + " to " + request.out() + " …");
        Instant started = Instant.now();
        ProgressRelay relay = new ProgressRelay(runner, progress::apply);
        job.begin();
        runner.run("export", () -> {
            return job.started(c.export(request, relay)).result().get();
        }, r -> finish(request, started, r), error -> fail(request, started, error));
    }

    public void cancel() {
        if (running.get()) {
            status.set("Cancelling …");
            job.cancel();
        }
    }

    private void finish(ExportRequest request, Instant started, ExportResult r) {
        job.end();
        running.set(false);
        session.endJob();
        String outcome;
        if (r.complete()) {
            outcome = "complete";
            writtenFiles.set(r.files());
            summary.set("Exported " + Formats.count(r.rows()) + " rows of " + r.table().displayName() + " to "
                    + r.files().size() + " file" + (r.files().size() == 1 ? "" : "s") + " (" + Formats.bytes(r.bytes()) + ") in "
                    + Formats.seconds(r.seconds()) + ", " + Formats.rate(r.rowsPerSecond()) + ".");
            status.set("Export complete.");
        } else {
            canResume.set(r.checkpoint() != null);
            if (r.cancelled()) {
                outcome = "cancelled";
                status.set("Export cancelled after " + Formats.count(r.rows()) + " rows. Nothing was written under the final name;"
                        + " Resume finishes it.");
            } else if (r.error() != null) {
                outcome = "failed";
                status.set("Export failed: " + r.error());
                prompter.error("The export of " + r.table().displayName() + " failed", r.error(), null);
            } else {
                outcome = "incomplete";
                status.set(r.failedRanges().size() + " of " + r.ranges().size() + " ranges failed. Nothing was written under"
                        + " the final name. Bring the replicas back, then Resume.");
                for (RangeOutcome f : r.failedRanges()) {
                    failures.add(f.range() + " after " + f.attempts() + " attempts: " + f.error());
                }
            }
        }
        record(request, started, r.seconds(), r.rows(), r.rowsPerSecond(), outcome);
    }

    private void fail(ExportRequest request, Instant started, Throwable error) {
        job.end();
        running.set(false);
        session.endJob();
        status.set("Export failed: " + message(error));
        record(request, started, 0, 0, 0, "failed");
        prompter.error("The export of " + request.keyspace() + "." + request.table() + " failed", message(error),
                Messages.cause(error));
    }

    /** The engine's neutral message, with what to do on this screen. */
    private static String message(Throwable error) {
        if (!(Messages.cause(error) instanceof ExportException e)) {
            return Messages.of(error);
        }
        String todo = switch (e.kind()) {
            case FOLDER_MISSING, FOLDER_NOT_WRITABLE, OUTPUT_IS_FOLDER -> "Choose another output file.";
            case OUTPUT_EXISTS -> "Confirm the replacement, or choose another output file.";
            case UNFINISHED_EXPORT -> "Choose another output file, or delete the checkpoint to start over.";
            case NOTHING_TO_RESUME -> "Start the export again.";
            case CHECKPOINT_MISMATCH -> "Start the export again with Start.";
            case FILTER_REJECTED -> "Correct the filter: it is added to each range query, as written in CQL.";
            case FILTER_NEEDS_ALLOW_FILTERING -> "End the filter with ALLOW FILTERING if you accept the cost (the whole table is still read).";
        };
        return e.getMessage() + " " + todo;
    }

    private void record(ExportRequest request, Instant started, double seconds, long rows, double rate, String outcome) {
        RangeJobOptions o = request.options();
        history.add(new JobRecord("export", request.keyspace(), request.table(), o.splits(), o.parallelism(), o.consistency().name(),
                started.toString(), seconds, rows, rate, outcome, status.get(), request.sink().format().name(),
                request.out().toString(), request.columns(), request.where(), request.files(), request.maxRowsPerSecond()));
    }

    /** Fills the options from a past export (table, ranges, format, columns, filter, output) without starting. */
    public void prepare(JobRecord job) {
        session.tableProperty().set(new TableRef(job.keyspace(), job.table()));
        settings.apply(RangeJobOptions.defaults().withSplits(job.splits()).withParallelism(job.parallelism())
                .withConsistency(dev.ringside.engine.Consistency.valueOf(job.consistency())));
        if (job.format() != null) {
            format.set(ExportFormat.valueOf(job.format()));
        }
        where.set(job.where() == null ? "" : job.where());
        files.set(Math.max(1, job.files()));
        maxRowsPerSecond.set(job.maxRowsPerSecond());
        output.set(job.output());
        List<String> wanted = job.columns();
        if (!wanted.isEmpty()) {
            columns.addListener(new javafx.collections.ListChangeListener<>() {
                @Override
                public void onChanged(Change<? extends ColumnChoice> c) {
                    columns.forEach(col -> col.selectedProperty().set(wanted.contains(col.name())));
                    columns.removeListener(this);
                }
            });
        }
        status.set("Options of the export of " + job.startedAt() + " restored; press Start to run it again.");
    }

    public void openFolder() {
        List<Path> written = writtenFiles.get();
        if (!written.isEmpty()) {
            folderOpener.accept(written.get(0).toAbsolutePath().getParent());
        }
    }

    public RangeSettings settings() { return settings; }
    public JobProgressModel progress() { return progress; }
    public ObjectProperty<ExportFormat> formatProperty() { return format; }
    public BooleanProperty csvHeaderProperty() { return csvHeader; }
    public StringProperty csvDelimiterProperty() { return csvDelimiter; }
    public StringProperty csvNullStringProperty() { return csvNullString; }
    public BooleanProperty csvGzipProperty() { return csvGzip; }
    public ObjectProperty<ParquetCompression> parquetCompressionProperty() { return parquetCompression; }
    public IntegerProperty filesProperty() { return files; }
    public ObservableList<ColumnChoice> columns() { return columns; }
    public StringProperty whereProperty() { return where; }
    public StringProperty outputProperty() { return output; }
    public LongProperty maxRowsPerSecondProperty() { return maxRowsPerSecond; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty optionErrorProperty() { return optionError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Path>> writtenFilesProperty() { return writtenFiles.getReadOnlyProperty(); }
    public ObservableList<String> failures() { return failures; }
    public ReadOnlyBooleanProperty canResumeProperty() { return canResume.getReadOnlyProperty(); }
    public BooleanBinding canStartProperty() { return canStart; }
}
