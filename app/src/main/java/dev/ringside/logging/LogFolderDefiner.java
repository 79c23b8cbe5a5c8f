package dev.ringside.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives {@code logback.xml} the user's log folder ({@code <define name="LOG_DIR" class="...LogFolderDefiner"/>}). */
public final class LogFolderDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return LogFolder.forUser().path().toString();
    }
}
