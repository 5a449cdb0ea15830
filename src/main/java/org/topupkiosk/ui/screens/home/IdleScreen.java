package org.topupkiosk.ui.screens.home;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** Attract screen: the service named in all three languages, one big start button. */
public final class IdleScreen implements ScreenView {

    private final VBox root;
    private final Label ru = Ui.label("idle-title", "idle-title-primary");
    private final Label en = Ui.label("idle-title");
    private final Label zh = Ui.label("idle-title", "lang-zh-text");
    private final Button start = Ui.button("idle-start", "huge-button", "primary");
    private final Label hint = Ui.label("hint");

    public IdleScreen(Consumer<FlowCommand> send) {
        start.setOnAction(e -> send.accept(new FlowCommand.Start()));
        start.setMaxWidth(Double.MAX_VALUE);
        Region logo = new Region();
        logo.getStyleClass().add("idle-logo");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        root = Ui.column(top, logo, ru, en, zh, bottom, start, hint);
        root.getStyleClass().add("idle");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        ru.setText(t.messages().get(Lang.RU, UiKeys.IDLE_TITLE));
        en.setText(t.messages().get(Lang.EN, UiKeys.IDLE_TITLE));
        zh.setText(t.messages().get(Lang.ZH, UiKeys.IDLE_TITLE));
        start.setText(t.get(UiKeys.IDLE_START));
        hint.setText(t.get(UiKeys.IDLE_HINT));
    }
}
