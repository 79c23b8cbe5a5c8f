package dev.ringside.ui.common;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.ringside.engine.RangeJobOptions;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/**
 * Split count, parallelism and consistency, shared by the count and export screens. Split count runs 1-10,000 on a
 * logarithmic slider; parallelism runs 1 to min(256, splits) and is pulled down whenever splits drop below it.
 */
public final class RangeSettings {

    public static final int MAX_SPLITS = 10_000;
    public static final int MAX_PARALLELISM = 256;
    public static final List<ConsistencyLevel> CONSISTENCY_LEVELS = List.of(DefaultConsistencyLevel.LOCAL_ONE,
            DefaultConsistencyLevel.ONE, DefaultConsistencyLevel.LOCAL_QUORUM, DefaultConsistencyLevel.QUORUM,
            DefaultConsistencyLevel.ALL);

    private final IntegerProperty splits = new SimpleIntegerProperty(RangeJobOptions.DEFAULT_SPLITS);
    private final IntegerProperty parallelism = new SimpleIntegerProperty(6);
    private final ReadOnlyIntegerWrapper maxParallelism = new ReadOnlyIntegerWrapper(MAX_PARALLELISM);
    private final DoubleProperty splitsSlider = new SimpleDoubleProperty(toSlider(RangeJobOptions.DEFAULT_SPLITS));
    private final ObjectProperty<ConsistencyLevel> consistency = new SimpleObjectProperty<>(DefaultConsistencyLevel.LOCAL_ONE);
    private boolean syncing;

    public RangeSettings() {
        splits.addListener((o, was, now) -> {
            int s = Math.max(1, Math.min(MAX_SPLITS, now.intValue()));
            if (s != now.intValue()) {
                splits.set(s);
                return;
            }
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
            }
        });
    }

    /** Slider position (0-4, log10 of the split count) for a split count. */
    public static double toSlider(int splits) {
        return Math.log10(Math.max(1, splits));
    }

    /** Split count for a slider position, rounded to a friendly number (two significant digits). */
    public static int fromSlider(double position) {
        double raw = Math.pow(10, Math.max(0, Math.min(4, position)));
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

    public RangeJobOptions toOptions() {
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

    public ObjectProperty<ConsistencyLevel> consistencyProperty() {
        return consistency;
    }
}
