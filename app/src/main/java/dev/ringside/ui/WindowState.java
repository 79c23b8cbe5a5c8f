package dev.ringside.ui;

import dev.ringside.ui.theme.ThemeChoice;

/**
 * The main window's size, position and theme, remembered in {@code window.json}. {@code theme} is a
 * {@link ThemeChoice} name; files written before it existed have only {@code dark}, which it then follows.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, boolean dark, String theme) {

    /** 1280 x 800 fits a common laptop screen; every screen is laid out to fit it. */
    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1280, 800, false, false,
            ThemeChoice.SYSTEM.name());

    public ThemeChoice themeChoice() {
        return ThemeChoice.of(theme, dark);
    }
}
