package dev.ringside.ui.common;

/** Questions and error reports for the user; dialogs in the app, scripted answers in view-model tests. */
public interface Prompter {

    boolean confirm(String title, String message);

    /** Shows a clear message; the technical details stay folded away behind "Details". */
    void error(String title, String message, Throwable details);
}
