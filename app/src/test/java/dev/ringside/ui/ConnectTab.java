package dev.ringside.ui;

import dev.ringside.cluster.ConnectionSettings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

/**
 * Connects a UI test's app as a user does: the Connect tab's fields filled in, then Connect, waiting until the app
 * holds the connection. Shared by the UI tests of every module (the app's test-jar).
 */
public final class ConnectTab {

    private final FxRobot robot;
    private final RingsideUi ui;

    public ConnectTab(FxRobot robot, RingsideUi ui) {
        this.robot = robot;
        this.ui = ui;
    }

    /** Connects to the cluster these settings name (their contact points, port, user and password). */
    public void connect(ConnectionSettings s) throws Exception {
        connect(String.join(", ", s.contactPoints()), s.port(), s.username(), s.password());
    }

    public void connect(String hosts, int port, String user, String password) throws Exception {
        fill("#hosts", hosts);
        fill("#port", Integer.toString(port));
        fill("#user", user == null ? "" : user);
        fill("#password", password == null ? "" : password);
        Button connect = (Button) field("#connectButton");
        robot.interact(connect::fire);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ui.session().connection() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fill(String query, String text) {
        TextField field = (TextField) field(query);
        robot.interact(() -> field.setText(text));
    }

    private Node field(String query) {
        Tab tab = ui.mainController().tabs.getTabs().stream().filter(t -> "connectTab".equals(t.getId())).findFirst().orElseThrow();
        return robot.from(tab.getContent()).lookup(query).query();
    }
}
