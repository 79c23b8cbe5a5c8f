package dev.ringside.ui.common;

import dev.ringside.engine.Consistency;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Split-count and parallelism sliders (each with a number field) and the consistency choice, bound to a
 * {@link RangeSettings}. Used by the count and export screens.
 */
public final class RangeSettingsPane extends GridPane {

    private static final String SPLITS_TIP = "Split count: how many token ranges the table is cut into (1-100,000, logarithmic).\n"
            + "More splits mean smaller queries (less risk of timeouts, finer progress, easier resume) but more round trips.\n"
            + "Aim for ranges of tens of MB; the Browse screen suggests a value from the table's size.";
    private static final String PARALLELISM_TIP = "Parallelism: how many ranges are queried at the same time (1-1,024, at most the split count).\n"
            + "More parallelism reads faster until the cluster is busy; it is the knob that loads the cluster.\n"
            + "Default: 2 x live nodes. Lower it on a busy production cluster.";

    final Slider splitsSlider = new Slider(0, RangeSettings.MAX_SLIDER, 2.4);
    final Spinner<Integer> splitsField = new Spinner<>(new IntegerSpinnerValueFactory(1, RangeSettings.MAX_SPLITS, 256));
    final Slider parallelismSlider = new Slider(1, RangeSettings.MAX_PARALLELISM, 6);
    final Spinner<Integer> parallelismField = new Spinner<>(new IntegerSpinnerValueFactory(1, RangeSettings.MAX_PARALLELISM, 6));
    final ComboBox<Consistency> consistency = new ComboBox<>();
    final Label error = new Label();
    private boolean updating;
    // Bidirectional bindings hold their ends weakly: keep the asObject() adapters alive as long as the pane.
    private javafx.beans.property.ObjectProperty<Integer> splitsValue;
    private javafx.beans.property.ObjectProperty<Integer> parallelismValue;

    public RangeSettingsPane() {
        getStyleClass().add("range-settings");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(0));
        splitsSlider.setId("splitsSlider");
        splitsField.setId("splitsField");
        parallelismSlider.setId("parallelismSlider");
        parallelismField.setId("parallelismField");
        consistency.setId("consistency");
        splitsField.setEditable(true);
        parallelismField.setEditable(true);
        splitsField.setPrefWidth(100);
        parallelismField.setPrefWidth(100);
        splitsSlider.setShowTickMarks(true);
        splitsSlider.setMajorTickUnit(1);
        splitsSlider.setShowTickLabels(true);
        splitsSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return String.format("%,d", (int) Math.round(Math.pow(10, v)));
            }

            @Override
            public Double fromString(String s) {
                return Math.log10(Double.parseDouble(s.replace(",", "")));
            }
        });
        Label splitsLabel = new Label("Split count");
        Label parallelismLabel = new Label("Parallelism");
        Label consistencyLabel = new Label("Consistency");
        splitsLabel.setLabelFor(splitsField);
        parallelismLabel.setLabelFor(parallelismField);
        consistencyLabel.setLabelFor(consistency);
        Tooltip splitsTip = tip(SPLITS_TIP);
        Tooltip parallelismTip = tip(PARALLELISM_TIP);
        splitsLabel.setTooltip(splitsTip);
        splitsSlider.setTooltip(splitsTip);
        splitsField.setTooltip(splitsTip);
        parallelismLabel.setTooltip(parallelismTip);
        parallelismSlider.setTooltip(parallelismTip);
        parallelismField.setTooltip(parallelismTip);
        consistency.setTooltip(tip("Read consistency. LOCAL_ONE is fastest; QUORUM reads agree with a majority of replicas."));
        consistency.getItems().setAll(RangeSettings.CONSISTENCY_LEVELS);
        add(splitsLabel, 0, 0);
        add(splitsSlider, 1, 0);
        add(splitsField, 2, 0);
        add(parallelismLabel, 0, 1);
        add(parallelismSlider, 1, 1);
        add(parallelismField, 2, 1);
        add(consistencyLabel, 0, 2);
        add(consistency, 1, 2);
        error.setId("rangeSettingsError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        add(error, 0, 3, 3, 1);
        GridPane.setHgrow(splitsSlider, Priority.ALWAYS);
        GridPane.setHgrow(parallelismSlider, Priority.ALWAYS);
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /** Binds the controls to the settings; the settings enforce every bound. */
    public void bind(RangeSettings settings) {
        splitsSlider.valueProperty().bindBidirectional(settings.splitsSliderProperty());
        IntegerSpinnerValueFactory splitsFactory = (IntegerSpinnerValueFactory) splitsField.getValueFactory();
        splitsValue = settings.splitsProperty().asObject();
        splitsFactory.valueProperty().bindBidirectional(splitsValue);
        IntegerSpinnerValueFactory parFactory = (IntegerSpinnerValueFactory) parallelismField.getValueFactory();
        parFactory.maxProperty().bind(settings.maxParallelismProperty());
        parallelismSlider.maxProperty().bind(settings.maxParallelismProperty());
        parallelismValue = settings.parallelismProperty().asObject();
        parFactory.valueProperty().bindBidirectional(parallelismValue);
        parallelismSlider.setValue(settings.parallelismProperty().get());
        settings.parallelismProperty().addListener((o, was, now) -> {
            if (!updating) {
                updating = true;
                parallelismSlider.setValue(now.intValue());
                updating = false;
            }
        });
        parallelismSlider.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                updating = true;
                settings.parallelismProperty().set((int) Math.round(now.doubleValue()));
                updating = false;
            }
        });
        consistency.valueProperty().bindBidirectional(settings.consistencyProperty());
        // Typed text is checked by the settings (inline error, last good value kept), never parsed by the spinner
        // itself, which would throw on "abc".
        lenient(splitsFactory);
        lenient(parFactory);
        splitsField.getEditor().textProperty().addListener((o, was, now) -> settings.typeSplits(now));
        parallelismField.getEditor().textProperty().addListener((o, was, now) -> settings.typeParallelism(now));
        error.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(settings::firstError,
                settings.splitsErrorProperty(), settings.parallelismErrorProperty(), settings.consistencyErrorProperty()));
    }

    /**
     * A converter that never throws: a number beyond the field's bounds is pulled to the nearest bound when the field
     * commits (the inline error said why while it was typed), and text that is not a number keeps the current value.
     */
    private static void lenient(IntegerSpinnerValueFactory factory) {
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    long v = Long.parseLong(text.trim().replace(",", "").replace("_", ""));
                    return (int) Math.max(factory.getMin(), Math.min(factory.getMax(), v));
                } catch (RuntimeException e) {
                    return factory.getValue();
                }
            }
        });
    }

    public void disableWhile(javafx.beans.value.ObservableBooleanValue busy) {
        disableProperty().bind(busy);
    }
}
