package dev.ringside.ui;

/** The main window's size, position and theme, remembered in {@code window.json}. */
public record WindowState(double x, double y, double width, double height, boolean maximized, boolean dark) {

    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1280, 860, false, false);
}
