package dev.ringside.ui;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves PNG screenshots of the app's scene (rendered by JavaFX's software pipeline, so it works headless) to a
 * folder; {@link ScreenshotTour} takes the README's, into the folder named by {@code -Dringside.screenshots}.
 */
final class Screenshots {

    /** The system property naming the folder to write; without it no screenshots are taken. */
    static final String PROPERTY = "ringside.screenshots";

    private final Path dir;

    Screenshots(Path dir) {
        this.dir = dir;
    }

    /** Call on the FX thread. */
    void save(Scene scene, String name) throws IOException {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }
}
