package dev.ringside.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copy from a table, as a spreadsheet pastes it: the selected cells (Ctrl+C, or Cmd+C), the selected rows, or the
 * rows with the column names first, as tab-separated lines; also from the table's context menu.
 */
public final class TableCopy {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    /** Lets the user select cells (several, with Shift and Ctrl) and copy them, with Ctrl+C and a context menu. */
    public static void install(TableView<?> table) {
        Texts texts = Texts.load("dev.ringside.ui.common.common");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                toClipboard(selectedCells(table));
                e.consume();
            }
        });
        MenuItem cells = new MenuItem(texts.get("copy.cells"));
        cells.setAccelerator(COPY);
        cells.setOnAction(e -> toClipboard(selectedCells(table)));
        MenuItem rows = new MenuItem(texts.get("copy.rows"));
        rows.setOnAction(e -> toClipboard(selectedRows(table, false)));
        MenuItem withHeader = new MenuItem(texts.get("copy.rowsWithHeader"));
        withHeader.setOnAction(e -> toClipboard(selectedRows(table, true)));
        ContextMenu menu = new ContextMenu(cells, rows, withHeader);
        menu.setOnShowing(e -> menu.getItems().forEach(i -> i.setDisable(table.getSelectionModel().isEmpty())));
        table.setContextMenu(menu);
    }

    private static void toClipboard(String text) {
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** The selected cells, a line per row and a tab between cells, in the table's row and column order. */
    public static <S> String selectedCells(TableView<S> table) {
        Map<Integer, TreeSet<Integer>> byRow = new TreeMap<>();
        for (TablePosition<S, ?> p : table.getSelectionModel().getSelectedCells()) {
            TableColumn<S, ?> c = p.getTableColumn();
            int column = c == null ? -1 : table.getVisibleLeafIndex(c);
            if (column >= 0) {
                byRow.computeIfAbsent(p.getRow(), r -> new TreeSet<>()).add(column);
            }
        }
        List<List<String>> lines = new ArrayList<>();
        byRow.forEach((row, columns) -> lines.add(columns.stream()
                .map(c -> text(table.getVisibleLeafColumn(c), row)).toList()));
        return tsv(lines);
    }

    /** Every cell of the rows that hold a selected cell; with {@code header}, the column names first. */
    public static <S> String selectedRows(TableView<S> table, boolean header) {
        TreeSet<Integer> rows = new TreeSet<>();
        table.getSelectionModel().getSelectedCells().forEach(p -> rows.add(p.getRow()));
        ObservableList<TableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> lines = new ArrayList<>();
        if (header) {
            lines.add(columns.stream().map(TableColumn::getText).toList());
        }
        for (int row : rows) {
            lines.add(columns.stream().map(c -> text(c, row)).toList());
        }
        return tsv(lines);
    }

    private static String text(TableColumn<?, ?> column, int row) {
        Object value = column.getCellData(row);
        return value == null ? "" : value.toString();
    }

    /**
     * Tab-separated lines. A value with a tab, a line break or a double quote is quoted, its quotes doubled, as
     * spreadsheets read it.
     */
    public static String tsv(List<List<String>> lines) {
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    out.append('\t');
                }
                out.append(field(line.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('"') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
