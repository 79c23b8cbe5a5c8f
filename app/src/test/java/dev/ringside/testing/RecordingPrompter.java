package dev.ringside.testing;

import dev.ringside.ui.common.Prompter;

import java.util.ArrayList;
import java.util.List;

/** A {@link Prompter} for view-model tests: answers questions as told and keeps what it was asked and shown. */
public final class RecordingPrompter implements Prompter {

    private final List<String> questions = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean answer;
    private int choice = -1;

    public RecordingPrompter(boolean answer) {
        this.answer = answer;
    }

    /** The answer to the next questions. */
    public void answer(boolean value) {
        answer = value;
    }

    /** The index {@link #choose} answers next (-1: the dialog was closed). */
    public void choose(int index) {
        choice = index;
    }

    /** The titles of the questions asked. */
    public List<String> questions() {
        return questions;
    }

    /** The errors shown, as "title: message". */
    public List<String> errors() {
        return errors;
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(title);
        return answer;
    }

    @Override
    public int choose(String title, String message, List<String> choices) {
        questions.add(title);
        return choice;
    }

    @Override
    public void error(String title, String message, Throwable details) {
        errors.add(title + ": " + message);
    }
}
