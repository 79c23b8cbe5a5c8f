package dev.ringside.ui.common;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Split count, parallelism and consistency, shared by the count and export screens: one property each, from which
 * {@link #toOptions()} builds the engine's {@link RangeJobOptions}. The limits are the engine's: split count runs
 * 1-100,000; parallelism runs 1 to min(1,024, splits) and is pulled down whenever splits drop below it. Text typed
 * into the number fields goes through {@link #typeSplits} and {@link #typeParallelism}, which keep the last good value
 * and show an inline error instead. The split slider's logarithmic scale is {@link #toSlider} / {@link #fromSlider}.
 * "Auto" parallelism (the default) leaves the value to the engine, which starts at the parallelism shown and tunes it
 * while the job runs; {@link #liveParallelismProperty()} is what it uses at the moment.
 */
public final class RangeSettings {

    public static final int MAX_SPLITS = RangeJobOptions.MAX_SPLITS;
    public static final int MAX_PARALLELISM = RangeJobOptions.MAX_PARALLELISM;
    /** The slider's right end: log10 of the largest split count. */
    public static final double MAX_SLIDER = Math.log10(MAX_SPLITS);
    public static final List<Consistency> CONSISTENCY_LEVELS = List.copyOf(RangeJobOptions.READ_CONSISTENCY_LEVELS);
    /** Until a connection says how many nodes answer, the default parallelism is that of a three-node cluster. */
    private static final int NODES_BEFORE_CONNECTING = 3;

    private final ResourceBundle texts = Bundles.load("dev.ringside.ui.common.rangesettings");
    private final IntegerProperty splits = new SimpleIntegerProperty(RangeJobOptions.DEFAULT_SPLITS);
    private final ReadOnlyIntegerWrapper maxParallelism = new ReadOnlyIntegerWrapper();
    private final IntegerProperty parallelism = new SimpleIntegerProperty(
            defaultParallelism(RangeJobOptions.DEFAULT_SPLITS, NODES_BEFORE_CONNECTING));
    private final BooleanProperty auto = new SimpleBooleanProperty(true);
    /** True while the settings themselves move the parallelism, so that "auto" stays ticked. */
    private boolean adjusting;
    private final ReadOnlyIntegerWrapper liveParallelism = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper liveText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Consistency> consistency = new SimpleObjectProperty<>(RangeJobOptions.defaults().consistency());
    private final ReadOnlyStringWrapper splitsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper parallelismError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consistencyError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> firstError().isEmpty(),
            splitsError, parallelismError, consistencyError);

    public RangeSettings() {
        maxParallelism.bind(Bindings.createIntegerBinding(() -> Math.min(MAX_PARALLELISM, splits.get()), splits));
        // Out-of-bounds values set in code are pulled to the nearest bound; the listener then sees the bounded value.
        splits.addListener((o, was, now) -> {
            splits.set(clamp(now.intValue(), RangeJobOptions.MIN_SPLITS, MAX_SPLITS));
            splitsError.set("");
        });
        maxParallelism.addListener((o, was, now) -> setQuietly(Math.min(parallelism.get(), now.intValue())));
        parallelism.addListener((o, was, now) -> {
            parallelism.set(clamp(now.intValue(), RangeJobOptions.MIN_PARALLELISM, maxParallelism.get()));
            parallelismError.set("");
            if (!adjusting) {
                auto.set(false); // the user chose a value: it is fixed from now on
            }
        });
        liveText.bind(Bindings.createStringBinding(() -> liveParallelism.get() > 0
                ? text(auto.get() ? "parallelism.live.auto" : "parallelism.live", Formats.count(liveParallelism.get()))
                : "", liveParallelism, auto));
        consistency.addListener((o, was, now) -> consistencyError.set(
                RangeJobOptions.consistencyProblem(now).map(p -> text("consistency") + " " + p).orElse("")));
    }

    /** Sets the parallelism as the settings' own adjustment (a default, a bound), which leaves "auto" as it is. */
    private void setQuietly(int value) {
        boolean was = adjusting;
        adjusting = true;
        try {
            parallelism.set(value);
        } finally {
            adjusting = was;
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static int defaultParallelism(int splitCount, int liveNodes) {
        return RangeJobOptions.defaults().withSplits(splitCount).effectiveParallelism(splitCount, liveNodes);
    }

    /**
     * Text typed into the split-count field: a whole number within the engine's limits becomes the split count;
     * anything else keeps the last good value and sets the inline error.
     */
    public void typeSplits(String text) {
        Long value = wholeNumber(text);
        if (value == null) {
            splitsError.set(text("splits.notWhole", Formats.count(RangeJobOptions.MIN_SPLITS), Formats.count(MAX_SPLITS),
                    trimmed(text)));
            return;
        }
        Optional<String> problem = RangeJobOptions.splitsProblem(value);
        if (problem.isPresent()) {
            splitsError.set(text("splits") + " " + problem.get());
            return;
        }
        splits.set(value.intValue());
        splitsError.set("");
    }

    /**
     * Text typed into the parallelism field: a whole number from 1 to min(1,024, split count) becomes the
     * parallelism; anything else keeps the last good value and sets the inline error.
     */
    public void typeParallelism(String text) {
        Long value = wholeNumber(text);
        if (value == null) {
            parallelismError.set(text("parallelism.notWhole", Formats.count(RangeJobOptions.MIN_PARALLELISM),
                    Formats.count(maxParallelism.get()), trimmed(text)));
            return;
        }
        Optional<String> problem = RangeJobOptions.parallelismProblem(value, splits.get());
        if (problem.isPresent()) {
            parallelismError.set(text("parallelism") + " " + problem.get());
            return;
        }
        parallelism.set(value.intValue());
        parallelismError.set("");
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }

    /** A whole number as typed, grouping commas and underscores allowed; null when it is not one. */
    static Long wholeNumber(String text) {
        String t = trimmed(text).replace(",", "").replace("_", "");
        return t.matches("[-+]?\\d{1,18}") ? Long.valueOf(t) : null;
    }

    /** The text under {@code key} in the range settings' bundle: a MessageFormat pattern when it has arguments. */
    String text(String key, Object... args) {
        String text = texts.getString(key);
        return args.length == 0 ? text : MessageFormat.format(text, args);
    }

    /** The first inline error, or empty when every field is valid. */
    public String firstError() {
        return List.of(splitsError.get(), parallelismError.get(), consistencyError.get()).stream()
                .filter(e -> !e.isEmpty()).findFirst().orElse("");
    }

    /** Slider position (0-5, log10 of the split count) for a split count. */
    public static double toSlider(int splits) {
        return Math.log10(Math.max(1, splits));
    }

    /** Split count for a slider position, rounded to a friendly number (two significant digits). */
    public static int fromSlider(double position) {
        double raw = Math.pow(10, Math.max(0, Math.min(MAX_SLIDER, position)));
        if (raw < 10) {
            return (int) Math.round(raw);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
        return (int) Math.min(MAX_SPLITS, Math.round(raw / magnitude) * magnitude);
    }

    /** Sets the default parallelism for a cluster: the engine's (2 × live nodes), within bounds. */
    public void useDefaultsFor(int liveNodes) {
        setQuietly(defaultParallelism(splits.get(), liveNodes));
    }

    /** The options the fields describe; call only when {@link #validProperty()} is true. */
    public RangeJobOptions toOptions() {
        if (!valid.get()) {
            throw new IllegalStateException(firstError());
        }
        return RangeJobOptions.defaults().withSplits(splits.get()).withParallelism(auto.get() ? 0 : parallelism.get())
                .withConsistency(consistency.get());
    }

    public void apply(RangeJobOptions options) {
        splits.set(options.splits());
        if (options.parallelism() > 0) {
            parallelism.set(options.parallelism());
        }
        auto.set(options.autoParallelism());
        consistency.set(options.consistency());
    }

    /** Whether the engine tunes the parallelism while the job runs (the slider's value is then only its start). */
    public BooleanProperty autoProperty() {
        return auto;
    }

    /** Range queries in flight at most in the running job right now, or 0 when no job runs. */
    public ReadOnlyIntegerProperty liveParallelismProperty() {
        return liveParallelism.getReadOnlyProperty();
    }

    /** What the running job uses now, for a label beside the slider; empty when no job runs. */
    public ReadOnlyStringProperty liveParallelismTextProperty() {
        return liveText.getReadOnlyProperty();
    }

    /** The running job's parallelism at its latest progress snapshot; 0 once it ended. */
    public void showLiveParallelism(int value) {
        liveParallelism.set(Math.max(0, value));
    }

    public IntegerProperty splitsProperty() {
        return splits;
    }

    public IntegerProperty parallelismProperty() {
        return parallelism;
    }

    public ReadOnlyIntegerProperty maxParallelismProperty() {
        return maxParallelism.getReadOnlyProperty();
    }

    public ObjectProperty<Consistency> consistencyProperty() {
        return consistency;
    }

    public ReadOnlyStringProperty splitsErrorProperty() {
        return splitsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parallelismErrorProperty() {
        return parallelismError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty consistencyErrorProperty() {
        return consistencyError.getReadOnlyProperty();
    }

    /** True when every field holds a value the engine accepts. */
    public BooleanBinding validProperty() {
        return valid;
    }
}
