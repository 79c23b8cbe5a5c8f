package dev.ringside.ui.common;

import dev.ringside.engine.progress.RangeView;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the ranges table: a planned range, whose latest figures replace the last ones in place. The table's
 * items stay the same objects for the whole job, so a new snapshot only changes the text of the cells it touches:
 * replacing items made the table rebuild every row (and repaint the whole window) four times a second.
 */
public final class RangeRow {

    private final ReadOnlyObjectWrapper<RangeView> range;

    RangeRow(RangeView range) {
        this.range = new ReadOnlyObjectWrapper<>(range);
    }

    public int id() {
        return range.get().id();
    }

    /** The range's figures as of the last snapshot. */
    public RangeView range() {
        return range.get();
    }

    public ReadOnlyObjectProperty<RangeView> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    void update(RangeView now) {
        if (!now.equals(range.get())) {
            range.set(now);
        }
    }
}
