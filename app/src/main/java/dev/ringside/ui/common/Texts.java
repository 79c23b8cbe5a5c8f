package dev.ringside.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The user-facing text of a screen or part, from its properties bundle in the user's locale. Every entry is a
 * {@link MessageFormat} pattern (so an apostrophe is written {@code ''}); numbers are passed already formatted by
 * {@link Formats}, except for {@code choice} patterns (one file, two files).
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** @param baseName e.g. {@code dev.ringside.ui.count.count} */
    public static Texts load(String baseName) {
        Locale locale = Locale.getDefault(Locale.Category.DISPLAY);
        return new Texts(ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader()), locale);
    }

    /** The text of {@code key}, with {@code args} in its placeholders. */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
