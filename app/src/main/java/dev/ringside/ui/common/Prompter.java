package dev.ringside.ui.common;

/** Questions and error reports for the user; dialogs in the app, scripted answers in view-model tests. */
public interface Prompter {

    boolean confirm(String title, String message);

    /**
     * Asks to choose one of {@code choices} (the last one is "cancel"); the index chosen, or -1 if closed. A prompter
     * that cannot ask answers as a closed dialog does, so nothing runs that the user did not choose.
     */
    default int choose(String title, String message, java.util.List<String> choices) {
        return -1;
    }

    /** Shows a clear message; the technical details stay folded away behind "Details". */
    void error(String title, String message, Throwable details);
}
