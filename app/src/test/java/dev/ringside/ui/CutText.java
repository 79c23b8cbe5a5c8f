package dev.ringside.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds text the layout cut with an ellipsis: a shown label, button, cell or column header whose drawn text is
 * shorter than its text. Call on the FX thread after layout.
 */
public final class CutText {

    private CutText() {
    }

    /** Each cut text under {@code root}, as {@code "full text" shown as "cut…"}; skips nodes in {@code exempt}. */
    public static List<String> under(Parent root, Node... exempt) {
        List<String> cut = new ArrayList<>();
        walk(root, List.of(exempt), cut);
        return cut;
    }

    private static void walk(Node node, List<Node> exempt, List<String> cut) {
        if (!node.isVisible() || exempt.contains(node)) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && child.isVisible() && !t.getText().equals(l.getText())
                        && t.getText().endsWith(l.getEllipsisString())) {
                    cut.add("\"" + l.getText() + "\" shown as \"" + t.getText() + "\"");
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, exempt, cut);
            }
        }
    }
}
