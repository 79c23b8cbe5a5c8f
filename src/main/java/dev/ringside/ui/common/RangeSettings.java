package dev.ringside.ui.common;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Split count, parallelism and consistency, shared by the count and export screens. The limits are the engine's
 * ({@link RangeJobOptions}): split count runs 1-100,000 on a logarithmic slider; parallelism runs 1 to
 * min(1,024, splits) and is pulled down whenever splits drop below it. Text typed into the number fields goes through
 * {@link #typeSplits} and {@link #typeParallelism}, which keep the last good value and show an inline error instead.
 */
public final class RangeSettings {

    public static final int MAX_SPLITS = RangeJobOptions.MAX_SPLITS;
    public static final int MAX_PARALLELISM = RangeJobOptions.MAX_PARALLELISM;
    /** The slider's right end: log10 of the largest split count. */
    public static final double MAX_SLIDER = Math.log10(MAX_SPLITS);
    public static final List<Consistency> CONSISTENCY_LEVELS = List.copyOf(RangeJobOptions.READ_CONSISTENCY_LEVELS);

    private final IntegerProperty splits = new SimpleIntegerProperty(RangeJobOptions.DEFAULT_SPLITS);
    private final IntegerProperty parallelism = new SimpleIntegerProperty(6);
    private final ReadOnlyIntegerWrapper maxParallelism =
            new ReadOnlyIntegerWrapper(Math.min(MAX_PARALLELISM, RangeJobOptions.DEFAULT_SPLITS));
    private final DoubleProperty splitsSlider = new SimpleDoubleProperty(toSlider(RangeJobOptions.DEFAULT_SPLITS));
    private final ObjectProperty<Consistency> consistency = new SimpleObjectProperty<>(Consistency.LOCAL_ONE);
    private final ReadOnlyStringWrapper splitsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper parallelismError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consistencyError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> splitsError.get().isEmpty()
            && parallelismError.get().isEmpty() && consistencyError.get().isEmpty(), splitsError, parallelismError, consistencyError);
    private boolean syncing;

    public RangeSettings() {
        splits.addListener((o, was, now) -> {
            int s = Math.max(1, Math.min(MAX_SPLITS, now.intValue()));
            if (s != now.intValue()) {
                splits.set(s);
                return;
            }
            splitsError.set("");
            maxParallelism.set(Math.min(MAX_PARALLELISM, s));
            if (parallelism.get() > maxParallelism.get()) {
                parallelism.set(maxParallelism.get());
            }
            if (!syncing) {
                syncing = true;
                splitsSlider.set(toSlider(s));
                syncing = false;
            }
        });
        splitsSlider.addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                splits.set(fromSlider(now.doubleValue()));
                syncing = false;
            }
        });
        parallelism.addListener((o, was, now) -> {
            int p = Math.max(1, Math.min(maxParallelism.get(), now.intValue()));
            if (p != now.intValue()) {
                parallelism.set(p);
                return;
            }
            parallelismError.set("");
        });
        consistency.addListener((o, was, now) -> consistencyError.set(
                RangeJobOptions.consistencyProblem(now).map(p -> "Consistency " + p).orElse("")));
    }

    /**
     * Text typed into the split-count field: a whole number within the engine's limits becomes the split count;
     * anything else keeps the last good value and sets the inline error.
     */
    public void typeSplits(String text) {
        Long value = wholeNumber(text);
        if (value == null) {
            splitsError.set(String.format(Locale.ROOT, "Split count must be a whole number from %,d to %,d (got '%s').",
                    RangeJobOptions.MIN_SPLITS, MAX_SPLITS, text == null ? "" : text.trim()));
            return;
        }
        Optional<String> problem = RangeJobOptions.splitsProblem(value);
        if (problem.isPresent()) {
            splitsError.set("Split count " + problem.get());
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
            parallelismError.set(String.format(Locale.ROOT, "Parallelism must be a whole number from %,d to %,d "
                    + "(got '%s').", RangeJobOptions.MIN_PARALLELISM, maxParallelism.get(), text == null ? "" : text.trim()));
            return;
        }
        Optional<String> problem = RangeJobOptions.parallelismProblem(value, splits.get());
        if (problem.isPresent()) {
            parallelismError.set("Parallelism " + problem.get());
            return;
        }
        parallelism.set(value.intValue());
        parallelismError.set("");
    }

    private static Long wholeNumber(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace(",", "").replace("_", "");
        if (!t.matches("[-+]?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(t);
    }

    /** The first inline error, or empty when every field is valid. */
    public String firstError() {
        for (String e : List.of(splitsError.get(), parallelismError.get(), consistencyError.get())) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
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

    /** Sets the default parallelism for a cluster: 2 × live nodes, within bounds. */
    public void useDefaultsFor(int liveNodes) {
        parallelism.set(Math.max(1, 2 * liveNodes));
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

    public DoubleProperty splitsSliderProperty() {
        return splitsSlider;
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
