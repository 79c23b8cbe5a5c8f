package dev.ringside.ui.connect;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.ResourceBundle;

/** Binds the connect view to its view-model; file choosers are the only thing it does itself. */
public final class ConnectController {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ConnectViewModel vm;

    @FXML ComboBox<ConnectionProfile> profiles;
    @FXML TextField profileName;
    @FXML Button saveProfile;
    @FXML Button deleteProfile;
    @FXML TextField hosts;
    @FXML Label hostsError;
    @FXML TextField port;
    @FXML Label portError;
    @FXML ComboBox<String> datacenter;
    @FXML TextField user;
    @FXML PasswordField password;
    @FXML CheckBox rememberPassword;
    @FXML Label userError;
    @FXML TextField truststore;
    @FXML Label truststoreError;
    @FXML PasswordField truststorePassword;
    @FXML TextField caCertificate;
    @FXML Label caCertificateError;
    @FXML TextField keystore;
    @FXML Label keystoreError;
    @FXML PasswordField keystorePassword;
    @FXML CheckBox verifyHostname;
    @FXML TextField driverConfig;
    @FXML Label driverConfigError;
    @FXML Button testButton;
    @FXML Button connectButton;
    @FXML ProgressIndicator busy;
    @FXML Label status;
    /** The screen's bundle, set by the FXML loader. */
    @FXML ResourceBundle resources;

    public ConnectController(ConnectViewModel vm) {
        this.vm = vm;
    }

    @FXML
    void initialize() {
        ProfileList p = vm.profiles();
        profiles.setItems(p.saved());
        profiles.valueProperty().bindBidirectional(p.selectedProperty());
        profileName.textProperty().bindBidirectional(p.nameProperty());
        deleteProfile.disableProperty().bind(p.selectedProperty().isNull());
        ContactPointFields points = vm.contactPoints();
        hosts.textProperty().bindBidirectional(points.hostsProperty());
        port.textProperty().bindBidirectional(points.portProperty());
        datacenter.setItems(points.datacenterSuggestions());
        datacenter.getEditor().textProperty().bindBidirectional(points.datacenterProperty());
        bindError(hostsError, points.hostsErrorProperty());
        bindError(portError, points.portErrorProperty());
        AuthFields auth = vm.auth();
        user.textProperty().bindBidirectional(auth.userProperty());
        password.textProperty().bindBidirectional(auth.passwordProperty());
        rememberPassword.selectedProperty().bindBidirectional(auth.rememberPasswordProperty());
        bindError(userError, auth.userErrorProperty());
        TlsFields tls = vm.tls();
        bindFile(truststore, truststoreError, tls.truststore());
        truststorePassword.textProperty().bindBidirectional(tls.truststorePasswordProperty());
        bindFile(caCertificate, caCertificateError, tls.caCertificate());
        bindFile(keystore, keystoreError, tls.keystore());
        keystorePassword.textProperty().bindBidirectional(tls.keystorePasswordProperty());
        verifyHostname.selectedProperty().bindBidirectional(tls.verifyHostnameProperty());
        bindFile(driverConfig, driverConfigError, vm.driverConfig());
        testButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        connectButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        busy.visibleProperty().bind(vm.busyProperty());
        status.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(ERROR, now));
    }

    private static void bindFile(TextField field, Label error, FileField file) {
        field.textProperty().bindBidirectional(file.textProperty());
        bindError(error, file.errorProperty());
    }

    private static void bindError(Label label, ObservableStringValue error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML void test() { vm.testConnection(); }
    @FXML void connect() { vm.connect(); }
    @FXML void saveProfile() { vm.saveProfile(); }
    @FXML void deleteProfile() { vm.deleteProfile(); }

    @FXML
    void exportProfiles() {
        java.io.File file = profileChooser("profiles.chooser.export").showSaveDialog(profiles.getScene().getWindow());
        if (file != null) {
            vm.exportProfiles(file.toPath());
        }
    }

    @FXML
    void importProfiles() {
        java.io.File file = profileChooser("profiles.chooser.import").showOpenDialog(profiles.getScene().getWindow());
        if (file != null) {
            vm.importProfiles(file.toPath());
        }
    }

    private javafx.stage.FileChooser profileChooser(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(resources.getString(title));
        chooser.setInitialFileName(resources.getString("profiles.chooser.defaultName"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                resources.getString("profiles.chooser.filter"), "*.json"));
        return chooser;
    }
    @FXML void chooseTruststore() { choose(truststore, "chooser.truststore", "*.jks", "*.p12", "*.pfx"); }
    @FXML void chooseCaCertificate() { choose(caCertificate, "chooser.ca", "*.pem", "*.crt", "*.cer"); }
    @FXML void chooseKeystore() { choose(keystore, "chooser.keystore", "*.p12", "*.pfx", "*.jks"); }
    @FXML void chooseDriverConfig() { choose(driverConfig, "chooser.driverConfig", "*.conf"); }

    private void choose(TextField field, String whatKey, String... patterns) {
        String what = resources.getString(whatKey);
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString(whatKey + ".title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(resources.getString("chooser.all"), "*"));
        File f = chooser.showOpenDialog(field.getScene().getWindow());
        if (f != null) {
            field.setText(f.getAbsolutePath());
        }
    }
}
