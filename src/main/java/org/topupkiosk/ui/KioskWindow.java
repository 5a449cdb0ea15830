package org.topupkiosk.ui;

import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Puts a {@link KioskView} on a stage: locked full screen on a real kiosk, or scaled into a window beside the
 * panel of emulated devices for simulation. Call before {@code stage.show()}: the stage style can only be set once.
 */
public final class KioskWindow {

    private KioskWindow() {}

    /** Full screen when {@code fullScreen}, else the simulation window (the panel may be null then). */
    public static Scene install(Stage stage, KioskView view, Region panel, boolean fullScreen) {
        return fullScreen ? fullScreen(stage, view) : simulation(stage, view, panel, false);
    }

    /**
     * The kiosk screen: undecorated, full screen, no exit key, Escape and Alt+F4 swallowed, window close refused, no
     * mouse pointer (a touch screen moves the pointer to each touch; a customer should not see an arrow). The layout
     * follows the monitor: wider than tall means the landscape layout.
     */
    public static Scene fullScreen(Stage stage, KioskView view) {
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        view.setLandscape(bounds.getWidth() > bounds.getHeight());
        Scene scene = new Scene(view, bounds.getWidth(), bounds.getHeight());
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setScene(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setFullScreen(true);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        scene.setCursor(Cursor.NONE);
        lockDown(stage, scene);
        return scene;
    }

    /**
     * The simulation window: the kiosk at its real aspect ratio (portrait 1080x1920, or landscape 1920x1080), scaled
     * to fit, with the device panel on the right.
     */
    public static Scene simulation(Stage stage, KioskView view, Region panel, boolean landscape) {
        Objects.requireNonNull(view, "view");
        view.setLandscape(landscape);
        double w = landscape ? KioskView.DESIGN_HEIGHT : KioskView.DESIGN_WIDTH;
        double h = landscape ? KioskView.DESIGN_WIDTH : KioskView.DESIGN_HEIGHT;
        ScaledScreen screen = new ScaledScreen(view, w, h);
        HBox root = new HBox(screen);
        HBox.setHgrow(screen, Priority.ALWAYS);
        if (panel != null) {
            root.getChildren().add(panel);
        }
        Rectangle2D visual = Screen.getPrimary().getVisualBounds();
        double panelWidth = panel == null ? 0 : 420;
        // Start as large as fits on the desktop, keeping the kiosk's aspect ratio.
        double s = Math.min(1.0, Math.min((visual.getWidth() - panelWidth - 32) / w, (visual.getHeight() - 64) / h));
        Scene scene = new Scene(root, w * s + panelWidth, h * s);
        stage.setScene(scene);
        stage.setTitle("TopUp Kiosk (simulation)");
        return scene;
    }

    /** Keeps the customer in the kiosk: keys that would leave or close it do nothing. */
    static void lockDown(Stage stage, Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (isEscapeKey(e)) {
                e.consume();
            }
        });
        stage.setOnCloseRequest(e -> e.consume());
    }

    static boolean isEscapeKey(KeyEvent e) {
        KeyCode code = e.getCode();
        return code == KeyCode.ESCAPE
                || (code == KeyCode.F4 && e.isAltDown())
                || (code == KeyCode.W && e.isShortcutDown())
                || (code == KeyCode.Q && e.isShortcutDown())
                || code == KeyCode.F11;
    }
}
