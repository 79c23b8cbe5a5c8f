package dev.ringside.ui.export;

import dev.ringside.app.RangeReports;
import dev.ringside.ui.common.job.RangeReportModel;

import dev.ringside.app.ClusterConnection;
import dev.ringside.app.TableRef;
import dev.ringside.app.history.ExportEntry;
import dev.ringside.app.history.JobOutcome;
import dev.ringside.app.history.JobRecord;
import dev.ringside.app.history.JobSpec;
import dev.ringside.app.history.JobState;
import dev.ringside.engine.export.ExportException;
import dev.ringside.engine.export.ExportRequest;
import dev.ringside.engine.export.ExportResult;
import dev.ringside.engine.export.ExportShape;
import dev.ringside.sink.TextCompression;
import dev.ringside.cluster.ColumnKind;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.RangeOutcome;
import dev.ringside.sink.CsvOptions;
import dev.ringside.sink.ExportFormat;
import dev.ringside.sink.JsonLinesOptions;
import dev.ringside.sink.ParquetOptions;
import dev.ringside.sink.ParquetOptions.ParquetCompression;
import dev.ringside.sink.SinkOptions;
import dev.ringside.ui.common.Formats;
import dev.ringside.ui.common.Messages;
import dev.ringside.ui.common.ProgressRelay;
import dev.ringside.ui.common.Prompter;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.TaskRunner;
import dev.ringside.ui.common.Texts;
import dev.ringside.ui.common.job.JobHistory;
import dev.ringside.ui.common.job.JobScreenModel;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The export screen: what only an export has (format and its options, columns, filter, output path, throttle; the
 * replace question, Resume, the summary with the files written, Open folder); start, cancel, progress, failure and
 * history are the job model's.
 */
public final class ExportViewModel extends JobScreenModel<ExportResult> {

    private final Consumer<Path> folderOpener;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final BooleanProperty csvHeader = new SimpleBooleanProperty(true);
    private final StringProperty csvDelimiter = new SimpleStringProperty(",");
    private final StringProperty csvNullString = new SimpleStringProperty("");
    private final BooleanProperty csvGzip = new SimpleBooleanProperty(false);
    private final BooleanProperty csvBom = new SimpleBooleanProperty(false);
    private final ObjectProperty<TextCompression> jsonlCompression = new SimpleObjectProperty<>(TextCompression.NONE);
    /** Lines per file: blank for no limit, a number, or the Excel choice ({@link #excelChoice()}). */
    private final StringProperty rowsPerFile = new SimpleStringProperty("");
    /** Rows in all: blank for every row. */
    private final StringProperty limit = new SimpleStringProperty("");
    /** Percent of the token space to sample: blank for the whole table. */
    private final StringProperty samplePercent = new SimpleStringProperty("");
    /** The seed a re-run restores, so that it reads the same sample; {@code null} for a new one at each start. */
    private Long sampleSeed;
    private final ObjectProperty<ParquetCompression> parquetCompression = new SimpleObjectProperty<>(ParquetCompression.SNAPPY);
    private final IntegerProperty files = new SimpleIntegerProperty(1);
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final StringProperty where = new SimpleStringProperty("");
    private final StringProperty output = new SimpleStringProperty("");
    private final LongProperty maxRowsPerSecond = new SimpleLongProperty(0);

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper optionError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Path>> writtenFiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canStart;
    private ExportRequest lastRequest;
    private final RangeReportModel rangeReport;
    private String autoOutput = "";
    /** Columns a re-run chose, applied once the table's columns are there; {@code null} when none wait. */
    private List<String> pendingColumns;

    public ExportViewModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter, Consumer<Path> folderOpener) {
        this(session, runner, history, prompter, folderOpener, new RangeReports());
    }

    public ExportViewModel(Session session, TaskRunner runner, JobHistory history, Prompter prompter,
                           Consumer<Path> folderOpener, RangeReports reports) {
        super(session, runner, history, prompter, Texts.load("dev.ringside.ui.export.export"));
        this.folderOpener = folderOpener;
        this.rangeReport = new RangeReportModel(runner, reports);
        canStart = ready().and(Bindings.createBooleanBinding(() -> !output.get().isBlank() && optionError.get().isEmpty(),
                output, optionError));
        format.addListener((o, was, now) -> suggestOutput(session.tableProperty().get()));
        csvGzip.addListener((o, was, now) -> suggestOutput(session.tableProperty().get()));
        jsonlCompression.addListener((o, was, now) -> suggestOutput(session.tableProperty().get()));
        rowsPerFile.addListener((o, was, now) -> validate());
        limit.addListener((o, was, now) -> validate());
        samplePercent.addListener((o, was, now) -> {
            sampleSeed = null; // another sample: a new draw
            validate();
        });
        csvHeader.addListener((o, was, now) -> validate());
        csvDelimiter.addListener((o, was, now) -> validate());
        files.addListener((o, was, now) -> validate());
        maxRowsPerSecond.addListener((o, was, now) -> validate());
        columns.addListener((ListChangeListener<ColumnChoice>) c -> validate());
        settings().validProperty().addListener((o, was, now) -> validate());
        settings().splitsErrorProperty().addListener((o, was, now) -> validate());
        settings().parallelismErrorProperty().addListener((o, was, now) -> validate());
    }

    private void validate() {
        String d = csvDelimiter.get();
        if (!settings().firstError().isEmpty()) {
            optionError.set(settings().firstError());
        } else if (format.get() == ExportFormat.CSV && csvProblem(d).isPresent()) {
            optionError.set(csvProblem(d).orElseThrow());
        } else if (files.get() < 1 || files.get() > ExportRequest.MAX_FILES) {
            optionError.set(texts().get("error.files", Formats.count(ExportRequest.MAX_FILES)));
        } else if (maxRowsPerSecond.get() < 0) {
            optionError.set(texts().get("error.throttle"));
        } else if (!columns.isEmpty() && columns.stream().noneMatch(c -> c.selectedProperty().get())) {
            optionError.set(texts().get("error.columns"));
        } else if (rowsPerFileValue().isEmpty()) {
            optionError.set(texts().get("error.rowsPerFile", rowsPerFile.get()));
        } else if (rowsPerFileValue().get() == 1 && format.get() == ExportFormat.CSV && csvHeader.get()) {
            optionError.set(texts().get("error.rowsPerFileHeader"));
        } else if (limitValue().isEmpty()) {
            optionError.set(texts().get("error.limit", limit.get()));
        } else if (sampleValue().isEmpty()) {
            optionError.set(texts().get("error.sample", samplePercent.get()));
        } else {
            optionError.set("");
        }
    }

    /** The Excel entry of the rows-per-file choice, as the field shows it. */
    public String excelChoice() {
        return texts().get("rowsPerFile.excel");
    }

    private Optional<Long> rowsPerFileValue() {
        String typed = rowsPerFile.get() == null ? "" : rowsPerFile.get().trim();
        if (typed.isEmpty()) {
            return Optional.of(0L);
        }
        if (typed.equals(excelChoice())) {
            return Optional.of(ExportShape.EXCEL_ROWS);
        }
        return wholeNumber(typed).filter(n -> n >= 1);
    }

    private Optional<Long> limitValue() {
        String typed = limit.get() == null ? "" : limit.get().trim();
        return typed.isEmpty() ? Optional.of(0L) : wholeNumber(typed).filter(n -> n >= 1);
    }

    /** The sample as a fraction (0 for none), from a percentage above 0 and below 100. */
    private Optional<Double> sampleValue() {
        String typed = samplePercent.get() == null ? "" : samplePercent.get().trim().replace("%", "").trim();
        if (typed.isEmpty()) {
            return Optional.of(0.0);
        }
        try {
            double percent = Double.parseDouble(typed.replace(',', '.'));
            return percent > 0 && percent < 100 ? Optional.of(percent / 100) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> wholeNumber(String typed) {
        try {
            return Optional.of(Long.parseLong(typed.replace(",", "").replace("_", "").replace("\u00a0", "").replace(" ", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private ExportShape shape() {
        double sample = sampleValue().orElseThrow();
        if (sample > 0 && sampleSeed == null) {
            sampleSeed = new java.security.SecureRandom().nextLong();
        }
        return new ExportShape(rowsPerFileValue().orElseThrow(), limitValue().orElseThrow(), sample,
                sample > 0 ? sampleSeed : 0);
    }

    @Override
    protected void clearResult() {
        summary.set("");
        failures.clear();
        canResume.set(false);
        writtenFiles.set(List.of());
        rangeReport.clear();
    }

    /** "Save range report…": the last export's per-range results. */
    public RangeReportModel rangeReport() {
        return rangeReport;
    }

    @Override
    protected void tableChanged(TableRef table) {
        columns.clear();
        suggestOutput(table);
        ClusterConnection c = session().connection();
        if (table == null || c == null) {
            setStatus(texts().get("status.chooseTable"));
            return;
        }
        setStatus(texts().get("status.ready", table));
        runner().run("columns", () -> c.table(table.keyspace(), table.table()), info -> {
            if (table.equals(session().tableProperty().get())) {
                List<ColumnChoice> choices = new java.util.ArrayList<>();
                info.columns().forEach(col -> choices.add(new ColumnChoice(col.name(), col.cqlType())));
                // Write times and TTLs of the columns outside the key, offered unticked after the columns.
                info.columns().stream().filter(col -> col.kind() == ColumnKind.REGULAR || col.kind() == ColumnKind.STATIC)
                        .forEach(col -> {
                            choices.add(ColumnChoice.function("writetime", col.name(), texts().get("column.writetime")));
                            choices.add(ColumnChoice.function("ttl", col.name(), texts().get("column.ttl")));
                        });
                choices.forEach(choice -> choice.selectedProperty().addListener((o, was, now) -> validate()));
                columns.setAll(choices);
                choosePendingColumns();
            }
        }, error -> setStatus(texts().get("status.columnsFailed", table, Messages.of(error))));
    }

    /** Proposes ~/table.ext, and follows the format while the user has not typed a path of their own. */
    private void suggestOutput(TableRef table) {
        if (table == null || !(output.get().isBlank() || output.get().equals(autoOutput))) {
            validate();
            return;
        }
        String ext = format.get().extension() + (format.get() == ExportFormat.CSV && csvGzip.get() ? ".gz"
                : format.get() == ExportFormat.JSONL ? jsonlCompression.get().suffix() : "");
        autoOutput = Path.of(System.getProperty("user.home"), table.table() + "." + ext).toString();
        output.set(autoOutput);
        validate();
    }

    /** The CSV delimiter typed, checked by the sink's own rules (the quote is always the double quote here). */
    private Optional<String> csvProblem(String delimiter) {
        return CsvOptions.characterProblem(delimiter).map(p -> texts().get("error.delimiter", p))
                .or(() -> CsvOptions.sameCharacterProblem(CsvOptions.character(delimiter).orElseThrow(), '"'));
    }

    private SinkOptions sinkOptions() {
        return switch (format.get()) {
            case CSV -> new CsvOptions(csvHeader.get(), CsvOptions.character(csvDelimiter.get()).orElseThrow(),
                    '"', null, csvNullString.get(), csvGzip.get(), csvBom.get());
            case PARQUET -> new ParquetOptions(parquetCompression.get(), ParquetOptions.DEFAULT_ROW_GROUP_BYTES);
            case JSONL -> new JsonLinesOptions(jsonlCompression.get());
        };
    }

    private List<String> chosenColumns() {
        if (columns.stream().allMatch(c -> c.selectedProperty().get() != c.isFunction())) {
            return List.of(); // all, in schema order
        }
        return columns.stream().filter(c -> c.selectedProperty().get()).map(ColumnChoice::name).toList();
    }

    /** Starts the export; asks before replacing an existing file (the check runs off the UI thread). */
    public void start() {
        Optional<String> loading = loadingMessage();
        if (loading.isPresent()) {
            setStatus(loading.get());
            return;
        }
        if (!canStart.get()) {
            setStatus(optionError.get().isEmpty() ? texts().get("status.noTable") : optionError.get());
            return;
        }
        Optional<ExportRequest> asSetUp = request();
        if (asSetUp.isEmpty()) {
            return;
        }
        ExportRequest request = asSetUp.get();
        Path out = request.out();
        runner().run("check-output", () -> Files.exists(out) || rolledFileExists(request), exists -> {
            if (exists && !prompter().confirm(texts().get("confirm.replace.title", out.getFileName()),
                    texts().get("confirm.replace", out))) {
                setStatus(texts().get("status.notReplaced", out));
                return;
            }
            launch(exists ? request.withOverwrite(true) : request);
        }, error -> setStatus(texts().get("status.checkFailed", Messages.of(error))));
    }

    /** Rolling over writes name-00001.ext …: the first of them already there is what a replacement would replace. */
    private static boolean rolledFileExists(ExportRequest request) throws java.io.IOException {
        return request.shape().rolls() && !new dev.ringside.engine.export.OutputLayout(request.out(), request.files(),
                request.sink(), true).existingRolledFiles().isEmpty();
    }

    /** The export the fields describe (while a job runs, too), or empty with the status line saying what to fix. */
    private Optional<ExportRequest> request() {
        TableRef table = session().tableProperty().get();
        if (table == null || session().connection() == null || output.get().isBlank() || !optionError.get().isEmpty()) {
            setStatus(optionError.get().isEmpty() ? texts().get("status.noTable") : optionError.get());
            return Optional.empty();
        }
        try {
            return Optional.of(new ExportRequest(table.keyspace(), table.table(), chosenColumns(),
                    where.get().isBlank() ? null : where.get().trim(), settings().toOptions(), sinkOptions(),
                    Path.of(output.get().trim()), files.get(), ExportRequest.DEFAULT_PAGE_SIZE, maxRowsPerSecond.get(),
                    false, false, ProgressRelay.INTERVAL, shape()));
        } catch (IllegalArgumentException e) {
            setStatus(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    protected Optional<JobSpec> jobAsSetUp() {
        return request().map(JobSpec::export);
    }

    /** Finishes an incomplete or cancelled export from its checkpoint. */
    public void resume() {
        if (lastRequest == null || session().connection() == null || !canResume.get()) {
            return;
        }
        // Keeps the choice the user made at Start: after confirming "Replace", the file being replaced still exists.
        launch(lastRequest.withResume(true));
    }

    private void launch(ExportRequest request) {
        String table = request.keyspace() + "." + request.table();
        String starting = texts().get(request.resume() ? "status.resuming" : "status.exporting", table, request.out());
        ExportRequest previous = lastRequest;
        lastRequest = request; // before the start: a job that ends at once reports with its own options
        if (!launch("export", JobSpec.export(request), starting, (c, progress) -> c.export(request, progress))) {
            lastRequest = previous;
        }
    }

    @Override
    protected JobOutcome finished(ExportResult r) {
        rangeReport.offer(r.table().displayName(), r.ranges());
        JobState state;
        if (r.complete()) {
            state = JobState.COMPLETE;
            writtenFiles.set(r.files());
            progress().settle(r.rows(), r.seconds(), r.rowsPerSecond());
            summary.set(texts().get("summary", Formats.count(r.rows()), r.table().displayName(), r.files().size(),
                    Formats.count(r.files().size()), Formats.bytes(r.bytes()), Formats.seconds(r.seconds()),
                    Formats.rate(r.rowsPerSecond())) + shapeLabel(lastRequest));
            setStatus(texts().get("status.complete"));
        } else {
            canResume.set(r.checkpoint() != null);
            if (r.cancelled()) {
                state = JobState.CANCELLED;
                setStatus(texts().get("status.cancelled", Formats.count(r.rows()), Formats.count(unfinished(r))));
            } else if (r.error() != null) {
                state = JobState.FAILED;
                setStatus(texts().get("status.failed", r.error()));
                prompter().error(texts().get("dialog.failed", r.table().displayName()), r.error(), null);
            } else {
                state = JobState.INCOMPLETE;
                setStatus(texts().get("status.incomplete", Formats.count(r.failedRanges().size()),
                        Formats.count(r.ranges().size())));
                for (RangeOutcome f : r.failedRanges()) {
                    failures.add(texts().get("result.failure", f.range(), Formats.count(f.attempts()), f.error()));
                }
            }
        }
        return outcome(state, r.rows(), r.seconds(), r.rowsPerSecond());
    }

    /** Says that the rows are a sample or limited, so that nobody takes them for the whole table. */
    private String shapeLabel(ExportRequest request) {
        if (request == null) {
            return "";
        }
        ExportShape shape = request.shape();
        String label = "";
        if (shape.sampled()) {
            label += " " + texts().get("summary.sample", Formats.percent(100 * shape.sample()), Long.toString(shape.seed()));
        }
        if (shape.limited()) {
            label += " " + texts().get("summary.limit", Formats.count(shape.limit()));
        }
        return label;
    }

    private static long unfinished(ExportResult r) {
        return r.ranges().stream().filter(o -> o.state() != RangeState.DONE).count();
    }

    /** The engine's neutral message, with what to do on this screen. */
    @Override
    protected String failureMessage(Throwable error) {
        if (!(Messages.cause(error) instanceof ExportException e)) {
            return Messages.of(error);
        }
        return e.getMessage() + " " + texts().get("todo." + e.kind().name());
    }

    /** Fills the options from a past export (table, ranges, format and its options, columns, filter, output) without starting. */
    public void prepare(JobRecord record) {
        ExportEntry job = record.job().export();
        pendingColumns = job == null || job.columns().isEmpty() ? null : job.columns();
        restore(record.job()); // loads the table's columns, now or later, unless that table is already chosen
        if (!columns.isEmpty()) {
            choosePendingColumns();
        }
        if (job == null) {
            return;
        }
        if (job.format() != null) {
            format.set(job.exportFormat());
        }
        if (job.csv() != null) {
            CsvOptions csv = job.csv().toOptions();
            csvHeader.set(csv.header());
            csvDelimiter.set(csv.delimiter() == '\t' ? "\\t" : String.valueOf(csv.delimiter()));
            csvNullString.set(csv.nullString());
            csvGzip.set(csv.gzip());
            csvBom.set(csv.bom());
        }
        if (job.jsonlCompression() != null) {
            jsonlCompression.set(TextCompression.valueOf(job.jsonlCompression()));
        }
        ExportShape shape = job.exportShape();
        rowsPerFile.set(shape.maxRowsPerFile() == ExportShape.EXCEL_ROWS ? excelChoice()
                : shape.rolls() ? Long.toString(shape.maxRowsPerFile()) : "");
        limit.set(shape.limited() ? Long.toString(shape.limit()) : "");
        samplePercent.set(shape.sampled() ? java.math.BigDecimal.valueOf(100 * shape.sample()).stripTrailingZeros().toPlainString() : "");
        sampleSeed = shape.sampled() ? shape.seed() : null; // after the field: the same sample again
        if (job.parquetCompression() != null) {
            parquetCompression.set(ParquetCompression.valueOf(job.parquetCompression()));
        }
        where.set(job.where() == null ? "" : job.where());
        files.set(Math.max(1, job.files()));
        maxRowsPerSecond.set(job.maxRowsPerSecond());
        output.set(job.output());
        setStatus(texts().get("status.restored", Formats.dateTime(record.started())));
    }

    private void choosePendingColumns() {
        List<String> wanted = pendingColumns;
        if (wanted != null) {
            pendingColumns = null;
            columns.forEach(col -> col.selectedProperty().set(wanted.contains(col.name())));
        }
    }

    public void openFolder() {
        List<Path> written = writtenFiles.get();
        if (!written.isEmpty()) {
            folderOpener.accept(written.get(0).toAbsolutePath().getParent());
        }
    }

    @Override
    public BooleanBinding canStartProperty() { return canStart; }
    public ObjectProperty<ExportFormat> formatProperty() { return format; }
    public BooleanProperty csvHeaderProperty() { return csvHeader; }
    public StringProperty csvDelimiterProperty() { return csvDelimiter; }
    public StringProperty csvNullStringProperty() { return csvNullString; }
    public BooleanProperty csvGzipProperty() { return csvGzip; }
    public BooleanProperty csvBomProperty() { return csvBom; }
    public ObjectProperty<TextCompression> jsonlCompressionProperty() { return jsonlCompression; }
    public StringProperty rowsPerFileProperty() { return rowsPerFile; }
    public StringProperty limitProperty() { return limit; }
    public StringProperty samplePercentProperty() { return samplePercent; }
    public ObjectProperty<ParquetCompression> parquetCompressionProperty() { return parquetCompression; }
    public IntegerProperty filesProperty() { return files; }
    public ObservableList<ColumnChoice> columns() { return columns; }
    public StringProperty whereProperty() { return where; }
    public StringProperty outputProperty() { return output; }
    public LongProperty maxRowsPerSecondProperty() { return maxRowsPerSecond; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty optionErrorProperty() { return optionError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Path>> writtenFilesProperty() { return writtenFiles.getReadOnlyProperty(); }
    public ObservableList<String> failures() { return failures; }
    public ReadOnlyBooleanProperty canResumeProperty() { return canResume.getReadOnlyProperty(); }
}
