package org.topupkiosk.ui.kit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowSnapshot;

/** A screen with words only (out of service, service in progress): what is going on and what to do; never a code. */
public final class NoticeScreen implements ScreenView {

    private final VBox root;
    private final String titleKey;
    private final String bodyKey;
    private final String hintKey;
    private final Label title = Ui.label("title", "notice-title");
    private final Label body = Ui.label("body");
    private final Label hint = Ui.label("hint");

    /** {@code bodyKey} may be null when the title says it all. */
    public NoticeScreen(String styleClass, String titleKey, String bodyKey, String hintKey) {
        this.titleKey = titleKey;
        this.bodyKey = bodyKey;
        this.hintKey = hintKey;
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        root = Ui.column(top, title, body, hint, bottom);
        root.getStyleClass().addAll("notice", styleClass);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(titleKey));
        body.setText(bodyKey == null ? "" : t.get(bodyKey));
        Ui.show(body, bodyKey != null);
        hint.setText(t.get(hintKey));
    }
}
