package dev.ringside.ui.common;

import dev.ringside.engine.progress.RangeView;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The ranges beside the ring, one row each, sortable by rows, duration, node and the rest (numbers sort as numbers,
 * shown in the locale's format). Its selection and the ring's are one: {@link #selectedIdProperty}.
 */
public final class RangeTable extends TableView<RangeView> {

    /** Wide enough for every column whole (a full token, a node with its port) at the default font. */
    static final double WIDTH = 580;

    private final Texts texts = Texts.load("dev.ringside.ui.common.common");
    private final ObservableList<RangeView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<List<RangeView>> ranges = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty selectedId = new SimpleIntegerProperty(-1);
    private boolean syncing;

    public RangeTable() {
        getStyleClass().add("range-table");
        SortedList<RangeView> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
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

    /** New figures for the same ranges: the rows change in place, the sort order and the selection stay. */
    private void refill(List<RangeView> now) {
        syncing = true;
        try {
            List<RangeView> list = now == null ? List.of() : now;
            if (rows.size() == list.size()) {
                for (int i = 0; i < list.size(); i++) {
                    if (!rows.get(i).equals(list.get(i))) {
                        rows.set(i, list.get(i));
                    }
                }
            } else {
                rows.setAll(list);
            }
        } finally {
            syncing = false;
        }
        select(selectedId.get(), false);
    }

    private void select(int id, boolean scroll) {
        syncing = true;
        try {
            RangeView current = getSelectionModel().getSelectedItem();
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

    /** A column holding the value itself (so it sorts by value), shown through {@code text}. */
    private <T extends Comparable<T>> TableColumn<RangeView, T> column(String key, double width,
                                                                      Function<RangeView, T> value,
                                                                      Function<T, String> text) {
        TableColumn<RangeView, T> c = new TableColumn<>(texts.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        c.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        return c;
    }
}
