package dev.ringside.ui.connect;

import dev.ringside.cluster.ContactPoints;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Contact points, port and local datacenter, checked as they are typed with the CLI's rules
 * ({@link ContactPoints}), shown inline.
 */
public final class ContactPointFields {

    private final ConnectTexts texts;
    private final StringProperty hosts = new SimpleStringProperty("127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(Integer.toString(ContactPoints.DEFAULT_PORT));
    private final StringProperty datacenter = new SimpleStringProperty("");
    private final ObservableList<String> datacenterSuggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hostsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper("");

    ContactPointFields(ConnectTexts texts) {
        this.texts = texts;
        hosts.addListener((o, was, now) -> checkHosts());
        port.addListener((o, was, now) -> checkPort());
        checkHosts();
        checkPort();
    }

    private void checkHosts() {
        List<String> list = hostList();
        hostsError.set(list.isEmpty() ? texts.get("hosts.missing")
                : list.stream().map(ContactPoints::problem).flatMap(Optional::stream).findFirst()
                        .map(p -> texts.get("hosts.problem", p)).orElse(""));
    }

    private void checkPort() {
        String text = port.get() == null ? "" : port.get().trim();
        if (!text.matches("[-+]?\\d{1,9}")) {
            portError.set(texts.get("port.notWhole", Integer.toString(ContactPoints.MIN_PORT),
                    Integer.toString(ContactPoints.MAX_PORT), Integer.toString(ContactPoints.DEFAULT_PORT)));
            return;
        }
        portError.set(ContactPoints.portProblem(Integer.parseInt(text)).map(p -> texts.get("port.problem", p)).orElse(""));
    }

    /** The contact points as typed, comma-separated, blanks dropped. */
    List<String> hostList() {
        return Arrays.stream(hosts.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The port; call only when the port shows no error. */
    int portNumber() {
        return Integer.parseInt(port.get().trim());
    }

    /** Offers the cluster's datacenters, and takes the only one when none is chosen. */
    void suggest(List<String> dcs) {
        datacenterSuggestions.setAll(dcs);
        if (datacenter.get().isBlank() && dcs.size() == 1) {
            datacenter.set(dcs.get(0));
        }
    }

    boolean valid() {
        return hostsError.get().isEmpty() && portError.get().isEmpty();
    }

    public StringProperty hostsProperty() { return hosts; }
    public StringProperty portProperty() { return port; }
    public StringProperty datacenterProperty() { return datacenter; }
    public ObservableList<String> datacenterSuggestions() { return datacenterSuggestions; }
    public ReadOnlyStringProperty hostsErrorProperty() { return hostsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty portErrorProperty() { return portError.getReadOnlyProperty(); }
}
