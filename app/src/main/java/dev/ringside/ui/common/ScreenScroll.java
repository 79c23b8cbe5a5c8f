package dev.ringside.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A screen inside a scroll pane, repainted only where it changed. JavaFX's scroll pane skin caches its viewport as
 * one image ({@code setCache(true)}): any change inside it, such as a running job's figures four times a second,
 * repaints the whole screen into that image and then the image to the window. With the software renderer that was
 * most of each frame's cost (every node of the screen, for one label's change).
 */
public final class ScreenScroll {

    private ScreenScroll() {
    }

    /** Turns the viewport's cache off now, if the skin exists, and whenever a new skin makes a new viewport. */
    public static void repaintOnlyWhatChanges(ScrollPane pane) {
        uncache(pane);
        pane.skinProperty().addListener((o, was, now) -> uncache(pane));
    }

    private static void uncache(ScrollPane pane) {
        if (pane.getSkin() == null) {
            return;
        }
        Node viewport = pane.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
