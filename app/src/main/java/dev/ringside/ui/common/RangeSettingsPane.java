package dev.ringside.ui.common;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
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

import java.util.function.DoubleToIntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Split-count and parallelism sliders (each with a number field) and the consistency choice, bound to a
 * {@link RangeSettings}: each control shows one of its properties through a converter, and the settings enforce
 * every bound. Used by the count and export screens.
 */
public final class RangeSettingsPane extends GridPane {

    final Slider splitsSlider = new Slider(0, RangeSettings.MAX_SLIDER, RangeSettings.toSlider(RangeJobOptions.DEFAULT_SPLITS));
    final Spinner<Integer> splitsField = new Spinner<>(new IntegerSpinnerValueFactory(
            RangeJobOptions.MIN_SPLITS, RangeSettings.MAX_SPLITS, RangeJobOptions.DEFAULT_SPLITS));
    final Slider parallelismSlider = new Slider(RangeJobOptions.MIN_PARALLELISM, RangeSettings.MAX_PARALLELISM, 1);
    final Spinner<Integer> parallelismField = new Spinner<>(new IntegerSpinnerValueFactory(
            RangeJobOptions.MIN_PARALLELISM, RangeSettings.MAX_PARALLELISM, 1));
    final CheckBox autoParallelism = new CheckBox();
    final Label liveParallelism = new Label();
    final ComboBox<Consistency> consistency = new ComboBox<>();
    final Label error = new Label();
    private final Label splitsLabel = new Label();
    private final Label parallelismLabel = new Label();
    private final Label consistencyLabel = new Label();
    // Bidirectional bindings hold their ends weakly: keep the asObject() adapters alive as long as the pane.
    private ObjectProperty<Integer> splitsValue;
    private ObjectProperty<Integer> parallelismValue;

    public RangeSettingsPane() {
        getStyleClass().add("range-settings");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(0));
        splitsSlider.setId("splitsSlider");
        splitsField.setId("splitsField");
        parallelismSlider.setId("parallelismSlider");
        parallelismField.setId("parallelismField");
        autoParallelism.setId("autoParallelism");
        liveParallelism.setId("liveParallelism");
        liveParallelism.getStyleClass().add("live-parallelism");
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
            public String toString(Double position) {
                return Formats.count(Math.round(Math.pow(10, position)));
            }

            @Override
            public Double fromString(String s) {
                return RangeSettings.toSlider(RangeSettings.wholeNumber(s).intValue());
            }
        });
        parallelismSlider.setShowTickMarks(true);
        parallelismSlider.setShowTickLabels(true);
        parallelismSlider.setMinorTickCount(0);
        parallelismSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return Formats.count(Math.round(value));
            }

            @Override
            public Double fromString(String s) {
                return RangeSettings.wholeNumber(s).doubleValue();
            }
        });
        // The parallelism's scale changes with its bound (the split count), so its ticks follow it.
        parallelismSlider.maxProperty().addListener((o, was, now) ->
                parallelismSlider.setMajorTickUnit(tickUnit(parallelismSlider.getMin(), now.doubleValue())));
        parallelismSlider.setMajorTickUnit(tickUnit(parallelismSlider.getMin(), parallelismSlider.getMax()));
        splitsLabel.setLabelFor(splitsField);
        parallelismLabel.setLabelFor(parallelismField);
        consistencyLabel.setLabelFor(consistency);
        consistency.getItems().setAll(RangeSettings.CONSISTENCY_LEVELS);
        add(splitsLabel, 0, 0);
        add(splitsSlider, 1, 0);
        add(splitsField, 2, 0);
        add(parallelismLabel, 0, 1);
        add(parallelismSlider, 1, 1);
        add(parallelismField, 2, 1);
        add(autoParallelism, 3, 1);
        add(liveParallelism, 4, 1);
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

    /** A friendly step (1, 2 or 5 times a power of ten) that puts about five labelled ticks on {@code min..max}. */
    static double tickUnit(double min, double max) {
        double raw = Math.max(1, (max - min) / 5);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= raw) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** Binds the controls to the settings and takes the labels and tooltips from the settings' texts. */
    public void bind(RangeSettings settings) {
        texts(settings);
        parallelismSlider.maxProperty().bind(settings.maxParallelismProperty());
        bindSlider(splitsSlider, settings.splitsProperty(), RangeSettings::fromSlider, RangeSettings::toSlider);
        bindSlider(parallelismSlider, settings.parallelismProperty(), position -> (int) Math.round(position), value -> value);
        splitsValue = bindField(splitsField, settings.splitsProperty());
        IntegerSpinnerValueFactory parallelismFactory = (IntegerSpinnerValueFactory) parallelismField.getValueFactory();
        parallelismFactory.maxProperty().bind(settings.maxParallelismProperty());
        parallelismValue = bindField(parallelismField, settings.parallelismProperty());
        consistency.valueProperty().bindBidirectional(settings.consistencyProperty());
        autoParallelism.selectedProperty().bindBidirectional(settings.autoProperty());
        liveParallelism.textProperty().bind(settings.liveParallelismTextProperty());
        // Typed text is checked by the settings as it is typed (inline error, last good value kept).
        splitsField.getEditor().textProperty().addListener((o, was, now) -> settings.typeSplits(now));
        parallelismField.getEditor().textProperty().addListener((o, was, now) -> settings.typeParallelism(now));
        error.textProperty().bind(Bindings.createStringBinding(settings::firstError,
                settings.splitsErrorProperty(), settings.parallelismErrorProperty(), settings.consistencyErrorProperty()));
    }

    private void texts(RangeSettings settings) {
        splitsLabel.setText(settings.text("splits"));
        parallelismLabel.setText(settings.text("parallelism"));
        consistencyLabel.setText(settings.text("consistency"));
        Tooltip splitsTip = tip(settings.text("splits.tip", Formats.count(RangeJobOptions.MIN_SPLITS),
                Formats.count(RangeSettings.MAX_SPLITS)));
        Tooltip parallelismTip = tip(settings.text("parallelism.tip", Formats.count(RangeJobOptions.MIN_PARALLELISM),
                Formats.count(RangeSettings.MAX_PARALLELISM)));
        splitsLabel.setTooltip(splitsTip);
        splitsSlider.setTooltip(splitsTip);
        splitsField.setTooltip(splitsTip);
        parallelismLabel.setTooltip(parallelismTip);
        parallelismSlider.setTooltip(parallelismTip);
        parallelismField.setTooltip(parallelismTip);
        consistency.setTooltip(tip(settings.text("consistency.tip")));
        autoParallelism.setText(settings.text("parallelism.auto"));
        autoParallelism.setTooltip(tip(settings.text("parallelism.auto.tip")));
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /**
     * Shows {@code value} on {@code slider} through a converter. Each side writes the other only when the other does
     * not already stand for its value, so an update settles in one round, and a typed value the scale cannot hit
     * exactly (123 on the split slider, which moves in friendly steps) stays as typed.
     */
    private static void bindSlider(Slider slider, IntegerProperty value, DoubleToIntFunction toValue,
                                   IntToDoubleFunction toPosition) {
        slider.setValue(toPosition.applyAsDouble(value.get()));
        value.addListener((o, was, now) -> slider.setValue(toPosition.applyAsDouble(now.intValue())));
        slider.valueProperty().addListener((o, was, now) -> {
            double position = now.doubleValue();
            if (position != toPosition.applyAsDouble(value.get())) {
                value.set(toValue.applyAsInt(position));
            }
        });
    }

    /**
     * Shows {@code value} in a number field. The field's converter never throws: a number beyond the field's bounds
     * is pulled to the nearest bound when the field commits (the inline error said why while it was typed), and text
     * that is not a number keeps the current value.
     */
    private static ObjectProperty<Integer> bindField(Spinner<Integer> field, IntegerProperty value) {
        IntegerSpinnerValueFactory factory = (IntegerSpinnerValueFactory) field.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                Long v = RangeSettings.wholeNumber(text);
                return v == null ? factory.getValue() : (int) Math.max(factory.getMin(), Math.min(factory.getMax(), v));
            }
        });
        ObjectProperty<Integer> boxed = value.asObject();
        factory.valueProperty().bindBidirectional(boxed);
        return boxed;
    }

    public void disableWhile(ObservableBooleanValue busy) {
        disableProperty().bind(busy);
    }
}
