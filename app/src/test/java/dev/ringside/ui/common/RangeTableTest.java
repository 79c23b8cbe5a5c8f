package dev.ringside.ui.common;

import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranges table as a running job feeds it, without a cluster: new figures for the same ranges change its rows in
 * place (the same row objects, their cells showing the new figures), a sorted table sorts again by them and keeps
 * the selection, and clearing the sort puts the rows back in token order.
 */
class RangeTableTest {

    private static final int RANGES = 12;
    private final FxRobot robot = new FxRobot();
    private RangeTable table;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            table = new RangeTable();
            stage.setScene(new Scene(table, 700, 600));
            stage.show();
        });
    }

    private static List<RangeView> snapshot(IntFunction<Long> rows) {
        List<RangeView> list = new ArrayList<>();
        long span = Long.MAX_VALUE / RANGES * 2;
        for (int i = 0; i < RANGES; i++) {
            long start = Long.MIN_VALUE + i * span;
            list.add(new RangeView(i, start, start + span, 1.0 / RANGES, RangeState.RUNNING, rows.apply(i), "127.0.0.1:9042",
                    Duration.ofSeconds(1)));
        }
        return list;
    }

    private void feed(List<RangeView> ranges) {
        robot.interact(() -> table.rangesProperty().set(ranges));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text the rows column shows on the table's row {@code index}. */
    private String rowsShown(int index) {
        return robot.from(table).lookup(".table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && "rowsColumn".equals(c.getTableColumn().getId()) && c.getIndex() == index)
                .map(TableCell::getText).findFirst().orElseThrow();
    }

    private List<Integer> ids() {
        return table.getItems().stream().map(RangeRow::id).toList();
    }

    @Test
    void newFiguresForTheSameRangesChangeTheRowsInPlace() {
        feed(snapshot(i -> 10L * i));
        List<RangeRow> rows = List.copyOf(table.getItems());
        assertThat(rowsShown(3)).isEqualTo(Formats.count(30));

        feed(snapshot(i -> 1_000L * i));

        assertThat(table.getItems()).as("the same row objects").containsExactlyElementsOf(rows);
        assertThat(table.getItems().get(3).range().rows()).isEqualTo(3_000);
        assertThat(rowsShown(3)).isEqualTo(Formats.count(3_000));
    }

    @Test
    void aSortedTableFollowsNewFiguresKeepsItsSelectionAndReturnsToTokenOrder() {
        feed(snapshot(i -> 10L * i));
        @SuppressWarnings("unchecked") TableColumn<RangeRow, ?> rowsColumn = (TableColumn<RangeRow, ?>) table.getColumns().stream()
                .filter(c -> "rowsColumn".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            rowsColumn.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(rowsColumn);
            table.selectedIdProperty().set(4);
        });
        assertThat(ids().get(0)).isEqualTo(RANGES - 1);

        // Range 2 overtakes every other.
        feed(snapshot(i -> i == 2 ? 1_000_000L : 10L * i));

        assertThat(ids().get(0)).isEqualTo(2);
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(4);
        assertThat(table.selectedIdProperty().get()).isEqualTo(4);

        robot.interact(() -> table.getSortOrder().clear());
        assertThat(ids()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, RANGES).boxed().toList());
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(4);
    }

    @Test
    void anotherPlanReplacesTheRows() {
        feed(snapshot(i -> 1L));
        feed(snapshot(i -> 1L).subList(0, 5));
        assertThat(ids()).containsExactly(0, 1, 2, 3, 4);
        feed(List.of());
        assertThat(table.getItems()).isEmpty();
    }
}
