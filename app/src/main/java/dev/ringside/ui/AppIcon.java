package dev.ringside.ui;

import javafx.scene.image.Image;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The Ringside icon in the sizes a window manager picks from (rendered from {@code assets/icon/ringside.svg}). */
final class AppIcon {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            InputStream png = AppIcon.class.getResourceAsStream("icon/ringside-" + size + ".png");
            if (png == null) {
                throw new IllegalStateException("The icon ringside-" + size + ".png is missing from the jar");
            }
            images.add(new Image(png));
        }
        return images;
    }
}
