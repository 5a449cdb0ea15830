package org.topupkiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.topupkiosk.flow.counter.CounterTerminal;
import org.topupkiosk.flow.counter.CounterSnapshot;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.counter.CounterView;
import org.topupkiosk.ui.service.ServiceView;

/**
 * Puts the counter on a stage: an ordinary window (attended, so not locked full screen), the 1920x1080 design scaled
 * to fit, the service menu over it. Closing the window is refused: leaving the application is the service menu's
 * Exit, behind the service PIN, as on a kiosk.
 */
public final class CounterWindow {

    private CounterWindow() {}

    /** Builds the view, wires it to the flow (snapshots in on the FX thread, commands out) and shows nothing yet. */
    public static CounterView install(Stage stage, CounterTerminal flow, Messages messages, ServiceView service) {
        CounterView view = new CounterView(flow::submit, messages, service::open);
        FlowUiAdapter.follow(flow::subscribe, null, CounterSnapshot::version, view::show);
        // While the service menu is over it, the counter takes no taps or keys (its PIN pad has the digits).
        view.disableProperty().bind(service.visibleProperty());
        StackPane design = new StackPane(view, service);
        design.setPrefSize(CounterView.DESIGN_WIDTH, CounterView.DESIGN_HEIGHT);
        design.setMaxSize(CounterView.DESIGN_WIDTH, CounterView.DESIGN_HEIGHT);
        StackPane root = new StackPane(new Group(design));
        root.setStyle("-fx-background-color: #111827;");
        DoubleBinding scale = Bindings.createDoubleBinding(() -> Math.min(root.getWidth() / CounterView.DESIGN_WIDTH,
                root.getHeight() / CounterView.DESIGN_HEIGHT), root.widthProperty(), root.heightProperty());
        design.scaleXProperty().bind(scale);
        design.scaleYProperty().bind(scale);
        Scene scene = new Scene(root, CounterView.DESIGN_WIDTH * 0.6, CounterView.DESIGN_HEIGHT * 0.6);
        stage.setScene(scene);
        stage.setTitle("TopUp Counter");
        stage.setOnCloseRequest(e -> e.consume());
        view.requestFocus();
        return view;
    }
}
