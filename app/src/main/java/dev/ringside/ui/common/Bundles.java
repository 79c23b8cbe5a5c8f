package dev.ringside.ui.common;

import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * Loads a screen's texts. FXMLLoader loads an {@code fx:include}'s bundle with the class loader of its parent's
 * bundle class; a plain properties bundle comes from the boot loader, which cannot see ours, so the bundles handed
 * to FXMLLoader are wrapped in this class.
 */
public final class Bundles extends ResourceBundle {

    private final ResourceBundle delegate;

    private Bundles(ResourceBundle delegate) {
        this.delegate = delegate;
    }

    public static ResourceBundle load(String baseName) {
        return new Bundles(ResourceBundle.getBundle(baseName, java.util.Locale.getDefault(), Bundles.class.getClassLoader()));
    }

    @Override
    protected Object handleGetObject(String key) {
        return delegate.getObject(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return delegate.getKeys();
    }
}
