package dev.ringside.ui.connect;

import dev.ringside.ui.common.Bundles;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The connect screen's texts, from the same bundle as its FXML labels. A text with arguments is a
 * {@link MessageFormat} pattern (a quote written {@code ''}); one without is used as written, as FXML uses it.
 */
final class ConnectTexts {

    private final ResourceBundle bundle = Bundles.load("dev.ringside.ui.connect.connect");

    String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : MessageFormat.format(text, args);
    }
}
