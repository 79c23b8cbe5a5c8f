package dev.ringside.ui.common;

import dev.ringside.engine.progress.RangeView;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The ranges beside the ring, one row each, sortable by rows, duration, node and the rest (numbers sort as numbers,
 * shown in the locale's format); with no column chosen, in token order. Its selection and the ring's are one:
 * {@link #selectedIdProperty}. A new snapshot changes the rows' figures in place ({@link RangeRow}), and a sorted
 * table sorts itself again by them.
 */
public final class RangeTable extends TableView<RangeRow> {

    /** Wide enough for every column whole (a full token, a node with its port) at the default font. */
    static final double WIDTH = 580;

    private final Texts texts = Texts.load("dev.ringside.ui.common.common");
    /** The rows in token order, as the snapshots list them. */
    private final List<RangeRow> inTokenOrder = new ArrayList<>();
    private final ObjectProperty<List<RangeView>> ranges = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty selectedId = new SimpleIntegerProperty(-1);
    private boolean syncing;

    public RangeTable() {
        getStyleClass().add("range-table");
        setItems(FXCollections.observableArrayList());
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label(texts.get("ranges.empty")));
        // Widths in proportion to what each column shows: the constrained policy shares the table's width by them.
        getColumns().add(column("ranges.column.id", 40, RangeView::id, id -> Integer.toString(id + 1)));
        getColumns().add(column("ranges.column.start", 200, RangeView::start, t -> Long.toString(t)));
        getColumns().add(column("ranges.column.rows", 70, RangeView::rows, Formats::count));
        getColumns().add(column("ranges.column.duration", 60, RangeView::duration, d -> Formats.seconds(d.toNanos() / 1e9)));
        getColumns().add(column("ranges.column.node", 134, RangeView::node, n -> n));
        getColumns().add(column("ranges.column.state", 60, RangeView::state,
                s -> texts.get("ring.state." + s.name().toLowerCase(Locale.ROOT))));
        ranges.addListener((o, was, now) -> refill(now));
        getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<RangeRow, ?>>) c -> {
            if (getSortOrder().isEmpty()) {
                inTokenOrderAgain();
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                selectedId.set(now.id());
            }
        });
        selectedId.addListener((o, was, now) -> select(now.intValue(), true));
        setPrefSize(WIDTH, 260);
    }

    public ObjectProperty<List<RangeView>> rangesProperty() {
        return ranges;
    }

    /** The id of the selected range, or -1. */
    public IntegerProperty selectedIdProperty() {
        return selectedId;
    }

    /** New figures for the same ranges change the rows in place; the sort order and the selection stay. */
    private void refill(List<RangeView> now) {
        List<RangeView> list = now == null ? List.of() : now;
        syncing = true;
        try {
            if (sameRanges(list)) {
                for (int i = 0; i < list.size(); i++) {
                    inTokenOrder.get(i).update(list.get(i));
                }
            } else {
                inTokenOrder.clear();
                list.forEach(r -> inTokenOrder.add(new RangeRow(r)));
                getItems().setAll(inTokenOrder);
            }
            if (!getSortOrder().isEmpty()) {
                sort();
            }
        } finally {
            syncing = false;
        }
        select(selectedId.get(), false);
    }

    private boolean sameRanges(List<RangeView> list) {
        if (list.size() != inTokenOrder.size()) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() != inTokenOrder.get(i).id()) {
                return false;
            }
        }
        return true;
    }

    private void inTokenOrderAgain() {
        syncing = true;
        try {
            getItems().setAll(inTokenOrder);
        } finally {
            syncing = false;
        }
        select(selectedId.get(), false);
    }

    private void select(int id, boolean scroll) {
        syncing = true;
        try {
            RangeRow current = getSelectionModel().getSelectedItem();
            if (id < 0) {
                getSelectionModel().clearSelection();
                return;
            }
            if (current != null && current.id() == id && getItems().get(getSelectionModel().getSelectedIndex()) == current) {
                return;
            }
            for (int i = 0; i < getItems().size(); i++) {
                if (getItems().get(i).id() == id) {
                    getSelectionModel().clearAndSelect(i);
                    if (scroll) {
                        scrollTo(Math.max(0, i - 3));
                    }
                    return;
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** A column showing one figure of the row's range through {@code text}, and sorting by the figure itself. */
    private <T extends Comparable<T>> TableColumn<RangeRow, RangeView> column(String key, double width,
                                                                             Function<RangeView, T> value,
                                                                             Function<T, String> text) {
        TableColumn<RangeRow, RangeView> c = new TableColumn<>(texts.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> cell.getValue().rangeProperty());
        c.setComparator(Comparator.comparing(value));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RangeView item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(value.apply(item)));
            }
        });
        c.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        return c;
    }
}
