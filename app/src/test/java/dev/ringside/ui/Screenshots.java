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
 * Saves PNG screenshots of the app's scene (rendered by JavaFX's software pipeline, so it works headless) to
 * {@code target/screenshots}, or to the folder named by {@code -Dringside.screenshots} (the README's command uses
 * {@code assets/screenshots}).
 */
final class Screenshots {

    private final Path dir = Path.of(System.getProperty("ringside.screenshots", "target/screenshots"));

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
