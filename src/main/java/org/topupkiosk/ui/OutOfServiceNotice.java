package org.topupkiosk.ui;

import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.kit.Stylesheets;
import org.topupkiosk.ui.kit.Ui;

/**
 * The screen of a kiosk that could not start its core and takes no cash (a damaged journal): the out-of-service title,
 * the reason and what to do, in every language at once, since nobody can choose one. No buttons; the window cannot be
 * closed from the screen. A technician stops the kiosk from the service account and restarts it after the repair.
 */
public final class OutOfServiceNotice {

    private OutOfServiceNotice() {}

    /** The notice's content: for each language the title, {@code reasonKey}'s text and the usual hint. */
    public static VBox view(Messages messages, String reasonKey) {
        VBox root = new VBox(48);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().addAll("notice", "out-of-service");
        root.setId("out-of-service-notice");
        for (Lang lang : Lang.values()) {
            Label title = Ui.label("title", "notice-title");
            title.setText(messages.get(lang, "out_of_service.title"));
            Label body = Ui.label("body");
            body.setText(messages.get(lang, reasonKey));
            body.setWrapText(true);
            Label hint = Ui.label("hint");
            hint.setText(messages.get(lang, "ui.out_of_service.hint"));
            VBox block = new VBox(12, title, body, hint);
            block.setAlignment(Pos.CENTER);
            block.getStyleClass().add("lang-" + lang.code());
            root.getChildren().add(block);
        }
        Stylesheets.add(root, Stylesheets.BASE);
        return root;
    }

    /** Shows the notice on {@code stage}, full screen when {@code fullScreen}, with the kiosk's keys locked. */
    public static Scene show(Stage stage, Messages messages, String reasonKey, boolean fullScreen) {
        VBox root = view(messages, reasonKey);
        Scene scene;
        if (fullScreen) {
            Rectangle2D bounds = Screen.getPrimary().getBounds();
            scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreen(true);
            stage.setFullScreenExitHint("");
        } else {
            scene = new Scene(root, KioskView.DESIGN_WIDTH / 2, KioskView.DESIGN_HEIGHT / 2);
        }
        stage.setScene(scene);
        stage.setTitle("TopUp Kiosk: out of service");
        KioskWindow.lockDown(stage, scene);
        stage.show();
        return scene;
    }
}
