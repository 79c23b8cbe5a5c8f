package dev.ringside.ui.browse;

import dev.ringside.app.FakeClusterConnection;
import dev.ringside.app.TablePreview;
import dev.ringside.ui.common.Bundles;
import dev.ringside.ui.common.Session;
import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.TableCopy;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's preview as the user sees it (headless TestFX, an in-memory cluster): values not cut while there is
 * room, no filler column, copy with Ctrl+C and the context menu, and text in other scripts drawn with real glyphs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowseScreenTest {

    private static final String CYRILLIC = "Данные клиента";
    private static final String CJK = "中文数据";

    private final FxRobot robot = new FxRobot();
    private TableView<List<String>> preview;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void show() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // The note is wider than the 360 px a column is held to when the columns do not all fit; here they do.
            rows.add(List.of("row" + i, "a fairly long value that a narrow column would cut, number " + i, CYRILLIC,
                    CJK, i % 2 == 0 ? "tab\there" : "plain"));
        }
        FakeClusterConnection cluster = new FakeClusterConnection().withEventsTable("shop", "orders")
                .withPreview(new TablePreview(List.of("id", "note", "name_ru", "name_zh", "misc"), rows));
        Session session = new Session();
        session.connectionProperty().set(cluster);
        BrowseViewModel vm = new BrowseViewModel(session, new SyncTaskRunner());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            FXMLLoader loader = new FXMLLoader(BrowseController.class.getResource("/dev/ringside/ui/browse/browse.fxml"),
                    Bundles.load("dev.ringside.ui.browse.browse"));
            loader.setControllerFactory(type -> new BrowseController(vm));
            try {
                Parent root = loader.load();
                s.setScene(new Scene(root, 1280, 800));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.select("shop", "orders"));
        WaitForAsyncUtils.waitForFxEvents();
        preview = robot.lookup("#preview").queryAs(TableView.class);
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    private List<TableCell<?, ?>> filledCells() {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (TableCell<?, ?> c : robot.from(preview).lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (!c.isEmpty() && c.getText() != null && c.isVisible()) {
                cells.add(c);
            }
        }
        return cells;
    }

    @Test
    void valuesAreNotCutWhileTheTableHasRoomAndTheLastColumnFillsIt() {
        assertThat(preview.getItems()).hasSize(5);
        List<TableCell<?, ?>> cells = filledCells();
        assertThat(cells).hasSizeGreaterThanOrEqualTo(5 * 5);
        for (TableCell<?, ?> cell : cells) {
            Text shown = (Text) cell.lookup(".text");
            assertThat(shown.getText()).as("cell of %s", cell.getTableColumn().getText()).isEqualTo(cell.getText());
        }
        double sum = preview.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(sum).isBetween(preview.getWidth() - 30, preview.getWidth());
    }

    @Test
    void selectedCellsAndRowsCopyAsTabSeparatedLines() throws Exception {
        robot.interact(() -> {
            preview.requestFocus();
            preview.getSelectionModel().clearSelection();
            preview.getSelectionModel().select(0, preview.getColumns().get(0));
            preview.getSelectionModel().select(0, preview.getColumns().get(4));
            preview.getSelectionModel().select(1, preview.getColumns().get(0));
        });
        assertThat(WaitForAsyncUtils.asyncFx(() -> TableCopy.selectedCells(preview)).get(5, TimeUnit.SECONDS))
                .isEqualTo("row0\t\"tab\there\"\nrow1\n");
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS))
                .isEqualTo("row0\t\"tab\there\"\nrow1\n");
        String rows = WaitForAsyncUtils.asyncFx(() -> TableCopy.selectedRows(preview, true)).get(5, TimeUnit.SECONDS);
        assertThat(rows.split("\n")).hasSize(3);
        assertThat(rows).startsWith("id\tnote\tname_ru\tname_zh\tmisc\nrow0\ta fairly long value");
        assertThat(preview.getContextMenu().getItems()).extracting(i -> i.getText())
                .containsExactly("Copy", "Copy rows", "Copy rows with column names");
    }

    @Test
    void otherScriptsAreDrawnWithGlyphsNotEmptyBoxes() throws Exception {
        Font font = filledCells().stream().filter(c -> CYRILLIC.equals(c.getText())).findFirst()
                .map(c -> c.getFont()).orElseThrow();
        // The cells use the theme's logical font, which JavaFX backs with the system's fonts for other scripts.
        assertThat(font.getFamily()).isEqualTo("System");
        List<String> samples = new ArrayList<>(List.of("Д", "λ"));
        if (SystemFonts.cover("zh")) {
            samples.add("中");
        }
        int[] missing = render("\uDBFF\uDFFD", font); // a private-use character no font draws: the empty box
        for (String sample : samples) {
            int[] drawn = render(sample, font);
            assertThat(java.util.Arrays.stream(drawn, 2, drawn.length).anyMatch(a -> a > 0)).as(sample + " has ink").isTrue();
            assertThat(drawn).as(sample).isNotEqualTo(missing);
        }
    }

    /** The text's pixels (alpha), with the image's size first. */
    private static int[] render(String text, Font font) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Text t = new Text(text);
            t.setFont(Font.font(font.getFamily(), 24));
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(javafx.scene.paint.Color.TRANSPARENT);
            WritableImage image = t.snapshot(p, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] pixels = new int[2 + w * h];
            pixels[0] = w;
            pixels[1] = h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    pixels[2 + y * w + x] = image.getPixelReader().getArgb(x, y) >>> 24;
                }
            }
            return pixels;
        }).get(5, TimeUnit.SECONDS);
    }

    /** Whether an installed font covers a language, as fontconfig says (Linux); elsewhere, assume so. */
    static final class SystemFonts {
        static boolean cover(String lang) {
            try {
                Process p = new ProcessBuilder("fc-list", ":lang=" + lang).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                return p.waitFor() == 0 && !out.isBlank();
            } catch (IOException | InterruptedException e) {
                return !System.getProperty("os.name").toLowerCase().contains("linux");
            }
        }
    }
}
