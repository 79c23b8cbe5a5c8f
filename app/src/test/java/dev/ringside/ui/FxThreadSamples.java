package dev.ringside.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the FX thread was, from its stack sampled every few milliseconds, tallied by cause so that samples of the
 * same work add up: the scene graph's phase (CSS, layout, bounds, the wait for the renderer), the control or skin
 * method inside it, and the first Ringside frame.
 */
final class FxThreadSamples {

    private final Map<String, Integer> busy = new ConcurrentHashMap<>();
    private final Map<String, Integer> late = new ConcurrentHashMap<>();

    /** One sample; {@code late} when a pulse posted to the thread has waited too long. */
    void add(StackTraceElement[] stack, boolean isLate) {
        if (stack.length == 0) {
            return;
        }
        String top = frame(stack[0]);
        String scene = "";
        String inner = "";
        String ours = "";
        for (StackTraceElement f : stack) {
            String name = frame(f);
            if (inner.isEmpty() && isControlWork(f)) {
                inner = name;
            }
            if (scene.isEmpty() && isScenePhase(name)) {
                scene = name;
            }
            if (ours.isEmpty() && f.getClassName().startsWith("dev.ringside")) {
                ours = name;
            }
        }
        // Object.wait is the event loop waiting for work: the thread is idle, not busy.
        if (!top.equals("Object.wait")) {
            String cause = !ours.isEmpty() ? ours : scene.isEmpty() ? top : scene + (inner.isEmpty() ? "" : " : " + inner);
            busy.merge(cause, 1, Integer::sum);
        }
        if (isLate) {
            late.merge(top + (scene.isEmpty() ? "" : " < " + scene) + (ours.isEmpty() ? "" : " < " + ours), 1, Integer::sum);
        }
    }

    /** Where the busy thread was, most frequent first, with the number of samples. */
    List<String> busy(int top) {
        return ranked(busy, top);
    }

    /** Where it was while late, most frequent first. */
    List<String> late(int top) {
        return ranked(late, top);
    }

    private static List<String> ranked(Map<String, Integer> counts, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top).map(e -> e.getValue() + "  " + e.getKey()).toList();
    }

    private static boolean isScenePhase(String name) {
        return name.contains("waitForRenderingToComplete") || name.contains("Parent.layout") || name.contains("processCSS")
                || name.contains("updateBounds") || name.contains("synchronizeSceneNodes");
    }

    /** A control's or skin's own layout, update or CSS method (not Node's or Parent's generic recursion). */
    private static boolean isControlWork(StackTraceElement f) {
        String m = f.getMethodName();
        return (m.startsWith("layout") || m.startsWith("update") || m.startsWith("compute") || m.contains("CSS"))
                && !f.getClassName().startsWith("javafx.scene.Node") && !f.getClassName().startsWith("javafx.scene.Parent");
    }

    private static String frame(StackTraceElement f) {
        String c = f.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
    }
}
