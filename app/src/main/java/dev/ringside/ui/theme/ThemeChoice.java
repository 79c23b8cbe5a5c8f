package dev.ringside.ui.theme;

/** The theme the user chose: light, dark, or whatever the desktop uses. */
public enum ThemeChoice {
    LIGHT, DARK, SYSTEM;

    /** The choice a remembered name stands for; an unknown or missing one falls back to the old dark switch. */
    public static ThemeChoice of(String name, boolean dark) {
        if (name != null) {
            for (ThemeChoice c : values()) {
                if (c.name().equalsIgnoreCase(name)) {
                    return c;
                }
            }
        }
        return dark ? DARK : LIGHT;
    }
}
