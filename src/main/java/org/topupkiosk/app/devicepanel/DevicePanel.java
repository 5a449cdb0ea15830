package org.topupkiosk.app.devicepanel;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.device.emulator.scanner.ScanSample;
import org.topupkiosk.ui.FlowUiAdapter;

/**
 * The simulation's stand-in for the hardware beside the kiosk screen: bill buttons, faults, and the last receipt.
 * It is for the person trying the kiosk, not for the customer, so its labels are plain English and not in the
 * bundles. It forwards to {@link Actions}; what a note or a jam means is the emulators' business.
 */
public final class DevicePanel extends VBox {

    /** What the panel can make the emulated devices do. Called on the FX thread; implementations hand off quickly. */
    public interface Actions {
        void insertNote(long rubles);

        void jam();

        void cashBoxOut();

        /** The technician cleared the jam or put the cash box back. */
        void clearFault();

        void paperOut(boolean out);

        /** Whether the cabinet's GPIO switches are simulated; without it the door and box switches are not shown. */
        default boolean hasCabinet() {
            return false;
        }

        /** The cabinet door's switch (GPIO): opening it locks the kiosk into service mode. */
        default void door(boolean open) {
        }

        /** The cabinet's cash-box switch (GPIO), apart from what the acceptor itself reports. */
        default void cashBoxSwitch(boolean present) {
        }
        /** The virtual SIM cards the panel can insert, by name; empty hides the SIM buttons. */
        default List<String> simProfiles() {
            return List.of();
        }

        /** Puts the named virtual SIM into the reader (replacing one that is in). */
        default void insertSim(String profile) {}

        default void removeSim() {}
    }

    /** Russian banknotes a CCNET acceptor's ruble table carries. */
    public static final List<Long> NOTES = List.of(50L, 100L, 200L, 500L, 1000L, 2000L, 5000L);

    private final StringProperty receiptText = new SimpleStringProperty(this, "receiptText", "");
    private final Consumer<String> receiptSink = FlowUiAdapter.latestOnFxThread(receiptText::set);
    private final ObjectProperty<Image> receiptImage = new SimpleObjectProperty<>(this, "receiptImage");
    private final Consumer<Path> receiptImageSink = FlowUiAdapter.latestOnFxThread(
            png -> receiptImage.set(new Image(png.toUri().toString())));

    public DevicePanel(Actions actions) {
        Objects.requireNonNull(actions, "actions");
        getStyleClass().add("device-panel");
        getStylesheets().add(Objects.requireNonNull(DevicePanel.class.getResource("device-panel.css"), "device-panel.css")
                .toExternalForm());

        FlowPane notes = new FlowPane();
        notes.getStyleClass().add("device-notes");
        for (long note : NOTES) {
            Button b = new Button(note + " ₽");
            b.setId("device-note-" + note);
            b.setOnAction(e -> actions.insertNote(note));
            notes.getChildren().add(b);
        }

        Button jam = new Button("Jam");
        jam.setId("device-jam");
        jam.setOnAction(e -> actions.jam());
        Button cashBox = new Button("Cash box out");
        cashBox.setId("device-cash-box-out");
        cashBox.setOnAction(e -> actions.cashBoxOut());
        Button fix = new Button("Fix fault");
        fix.setId("device-clear-fault");
        fix.setOnAction(e -> actions.clearFault());
        ToggleButton paper = new ToggleButton("Paper out");
        paper.setId("device-paper-out");
        paper.selectedProperty().addListener((obs, was, out) -> actions.paperOut(out));
        FlowPane faults = new FlowPane(jam, cashBox, fix, paper);
        faults.getStyleClass().add("device-notes");

        ToggleButton door = new ToggleButton("Door open");
        door.setId("device-door-open");
        door.selectedProperty().addListener((obs, was, open) -> actions.door(open));
        ToggleButton box = new ToggleButton("Cash box removed");
        box.setId("device-cash-box-switch");
        box.selectedProperty().addListener((obs, was, removed) -> actions.cashBoxSwitch(!removed));
        FlowPane cabinet = new FlowPane(door, box);
        cabinet.getStyleClass().add("device-notes");

        TextArea receipt = new TextArea();
        receipt.setId("device-receipt");
        receipt.setEditable(false);
        receipt.setWrapText(false);
        receipt.textProperty().bind(receiptText);
        VBox.setVgrow(receipt, Priority.ALWAYS);

        // The emulated printer's PNG when there is one (what the paper looks like); the text until then.
        ImageView image = new ImageView();
        image.setId("device-receipt-image");
        image.setPreserveRatio(true);
        image.setFitWidth(380);
        image.imageProperty().bind(receiptImage);
        ScrollPane imagePane = new ScrollPane(image);
        imagePane.setId("device-receipt-scroll");
        imagePane.visibleProperty().bind(receiptImage.isNotNull());
        imagePane.managedProperty().bind(imagePane.visibleProperty());
        receipt.visibleProperty().bind(receiptImage.isNull());
        receipt.managedProperty().bind(receipt.visibleProperty());
        VBox.setVgrow(imagePane, Priority.ALWAYS);

        getChildren().addAll(heading("Bill acceptor"), notes, heading("Faults"), faults);
        if (actions.hasCabinet()) {
            getChildren().addAll(heading("Cabinet (GPIO)"), cabinet);
        }
        List<String> sims = actions.simProfiles();
        if (!sims.isEmpty()) {
            ChoiceBox<String> card = new ChoiceBox<>(FXCollections.observableArrayList(sims));
            card.setId("device-sim-card");
            card.getSelectionModel().selectFirst();
            Button insertSim = new Button("Insert SIM");
            insertSim.setId("device-sim-insert");
            insertSim.setOnAction(e -> actions.insertSim(card.getValue()));
            Button removeSim = new Button("Remove SIM");
            removeSim.setId("device-sim-remove");
            removeSim.setOnAction(e -> actions.removeSim());
            FlowPane sim = new FlowPane(card, insertSim, removeSim);
            sim.getStyleClass().add("device-notes");
            getChildren().addAll(heading("SIM card"), sim);
        }
        getChildren().addAll(heading("Last receipt"), imagePane, receipt);
    }

    /**
     * Adds the scanner controls (simulation with an emulated scanner): pick a sample code and show it to the scanner.
     * The sample goes to the emulator, and through the real driver to whoever listens to the scanner.
     */
    public void enableScanning(Consumer<ScanSample> scan) {
        ComboBox<ScanSample> sample = new ComboBox<>(FXCollections.observableArrayList(ScanSample.values()));
        sample.setId("device-scan-sample");
        sample.getSelectionModel().selectFirst();
        Button go = new Button("Scan");
        go.setId("device-scan");
        go.setOnAction(e -> scan.accept(sample.getValue()));
        FlowPane row = new FlowPane(sample, go);
        row.getStyleClass().add("device-notes");
        int at = Math.max(0, getChildren().size() - 3); // before "Last receipt" and its two views
        getChildren().addAll(at, List.of(heading("Scanner"), row));
    }

    /** One SMS on the simulated customer's phone: to whom, and what it says. */
    public record Sms(String to, String text) {}

    private static final Pattern SMS_CODE = Pattern.compile("\\b(\\d{4,8})\\b");

    /**
     * Adds the customer's phone (simulation with the embedded carrier): the newest SMS the carrier sent, with its
     * one-time code in large type, so whoever tries the kiosk can type the code in. Returns the sink to feed it from
     * any thread (the simulator's); the newest SMS wins.
     */
    public Consumer<Sms> enablePhone() {
        Label to = new Label("No SMS yet");
        to.setId("device-sms-to");
        Label code = new Label();
        code.setId("device-sms-code");
        code.getStyleClass().add("device-sms-code");
        Label text = new Label();
        text.setId("device-sms-text");
        text.setWrapText(true);
        text.setMaxWidth(380);
        text.setMinHeight(Region.USE_PREF_SIZE); // the receipt below may shrink, not the SMS
        VBox phone = new VBox(to, code, text);
        phone.getStyleClass().add("device-phone");
        int at = Math.max(0, getChildren().size() - 3); // before "Last receipt" and its two views
        getChildren().addAll(at, List.of(heading("Phone (SMS)"), phone));
        return FlowUiAdapter.latestOnFxThread(sms -> {
            to.setText("To " + sms.to());
            Matcher m = SMS_CODE.matcher(sms.text());
            code.setText(m.find() ? m.group(1) : "");
            text.setText(sms.text());
        });
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("device-heading");
        return l;
    }

    /** The last receipt as text; set it on the FX thread, or use {@link #receiptSink()} from any thread. */
    public StringProperty receiptTextProperty() {
        return receiptText;
    }

    /** The last receipt as the emulated printer drew it, or null before the first. */
    public ObjectProperty<Image> receiptImageProperty() {
        return receiptImage;
    }

    /** Takes a receipt PNG from any thread and shows the newest on the FX thread. */
    public Consumer<Path> receiptImageSink() {
        return receiptImageSink;
    }

    /** Takes receipt text from any thread (the emulated printer's, typically) and shows the newest on the FX thread. */
    public Consumer<String> receiptSink() {
        return receiptSink;
    }
}
