package dev.ringside.ui.common;

import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.SchemaException;
import dev.ringside.engine.JobException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns exceptions into the one-line messages users see; details go to the expandable part of the dialog. */
public final class Messages {

    private Messages() {
    }

    public static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    public static String of(Throwable t) {
        Throwable c = cause(t);
        if (c instanceof ConnectionException || c instanceof SchemaException || c instanceof JobException
                || c instanceof IllegalArgumentException) {
            return c.getMessage();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
