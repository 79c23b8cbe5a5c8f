package dev.ringside.ui.common;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
        maxParallelism.addListener((o, was, now) -> parallelism.set(Math.min(parallelism.get(), now.intValue())));
        parallelism.addListener((o, was, now) -> {
            parallelism.set(clamp(now.intValue(), RangeJobOptions.MIN_PARALLELISM, maxParallelism.get()));
            parallelismError.set("");
        });
        consistency.addListener((o, was, now) -> consistencyError.set(
                RangeJobOptions.consistencyProblem(now).map(p -> text("consistency") + " " + p).orElse("")));
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
        parallelism.set(defaultParallelism(splits.get(), liveNodes));
    }

    /** The options the fields describe; call only when {@link #validProperty()} is true. */
    public RangeJobOptions toOptions() {
        if (!valid.get()) {
            throw new IllegalStateException(firstError());
        }
        return RangeJobOptions.defaults().withSplits(splits.get()).withParallelism(parallelism.get())
                .withConsistency(consistency.get());
    }

    public void apply(RangeJobOptions options) {
        splits.set(options.splits());
        if (options.parallelism() > 0) {
            parallelism.set(options.parallelism());
        }
        consistency.set(options.consistency());
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
