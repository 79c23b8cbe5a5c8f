package dev.ringside.ui.connect;

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

/** Binds the connect view to its view-model; file choosers are the only thing it does itself. */
public final class ConnectController {

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

    public ConnectController(ConnectViewModel vm) {
        this.vm = vm;
    }

    @FXML
    void initialize() {
        profiles.setItems(vm.savedProfiles());
        profiles.valueProperty().bindBidirectional(vm.selectedProfileProperty());
        profileName.textProperty().bindBidirectional(vm.profileNameProperty());
        deleteProfile.disableProperty().bind(vm.selectedProfileProperty().isNull());
        hosts.textProperty().bindBidirectional(vm.hostsProperty());
        port.textProperty().bindBidirectional(vm.portProperty());
        datacenter.setItems(vm.datacenterSuggestions());
        datacenter.getEditor().textProperty().bindBidirectional(vm.datacenterProperty());
        user.textProperty().bindBidirectional(vm.userProperty());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        rememberPassword.selectedProperty().bindBidirectional(vm.rememberPasswordProperty());
        truststore.textProperty().bindBidirectional(vm.truststoreProperty());
        truststorePassword.textProperty().bindBidirectional(vm.truststorePasswordProperty());
        caCertificate.textProperty().bindBidirectional(vm.caCertificateProperty());
        keystore.textProperty().bindBidirectional(vm.keystoreProperty());
        keystorePassword.textProperty().bindBidirectional(vm.keystorePasswordProperty());
        verifyHostname.selectedProperty().bindBidirectional(vm.verifyHostnameProperty());
        driverConfig.textProperty().bindBidirectional(vm.driverConfigProperty());
        bindError(hostsError, vm.hostsErrorProperty());
        bindError(portError, vm.portErrorProperty());
        bindError(userError, vm.userErrorProperty());
        bindError(truststoreError, vm.truststoreErrorProperty());
        bindError(caCertificateError, vm.caCertificateErrorProperty());
        bindError(keystoreError, vm.keystoreErrorProperty());
        bindError(driverConfigError, vm.driverConfigErrorProperty());
        testButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        connectButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        busy.visibleProperty().bind(vm.busyProperty());
        status.textProperty().bind(vm.statusProperty());
        vm.statusIsErrorProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), now));
    }

    private static void bindError(Label label, javafx.beans.value.ObservableStringValue error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML void test() { vm.testConnection(); }
    @FXML void connect() { vm.connect(); }
    @FXML void saveProfile() { vm.saveProfile(); }
    @FXML void deleteProfile() { vm.deleteProfile(); }
    @FXML void chooseTruststore() { choose(truststore, "Truststore", "*.jks", "*.p12", "*.pfx"); }
    @FXML void chooseCaCertificate() { choose(caCertificate, "CA certificate", "*.pem", "*.crt", "*.cer"); }
    @FXML void chooseKeystore() { choose(keystore, "Client keystore", "*.p12", "*.pfx", "*.jks"); }
    @FXML void chooseDriverConfig() { choose(driverConfig, "Driver configuration", "*.conf"); }

    private void choose(TextField field, String what, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the " + what.toLowerCase());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(field.getScene().getWindow());
        if (f != null) {
            field.setText(f.getAbsolutePath());
        }
    }
}
