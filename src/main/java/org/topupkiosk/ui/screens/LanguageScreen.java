package org.topupkiosk.ui.screens;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.Lang;
import org.topupkiosk.ui.UiKeys;

/** Three big language buttons, each labelled in its own language; the title is shown in all three. */
public final class LanguageScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title");
    private final Map<Lang, Button> buttons = new EnumMap<>(Lang.class);

    public LanguageScreen(Consumer<FlowCommand> send) {
        root = Ui.column(title);
        for (Lang lang : Lang.values()) {
            Button b = Ui.button("lang-" + lang.code(), "huge-button", "language-choice", "lang-" + lang.code() + "-text");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> send.accept(new FlowCommand.SetLanguage(lang)));
            buttons.put(lang, b);
            root.getChildren().add(b);
        }
        root.getStyleClass().add("language");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        StringBuilder titles = new StringBuilder();
        for (Lang lang : Lang.values()) {
            if (titles.length() > 0) {
                titles.append('\n');
            }
            titles.append(t.messages().get(lang, UiKeys.LANGUAGE_TITLE));
        }
        title.setText(titles.toString());
        buttons.get(Lang.RU).setText(t.messages().get(Lang.RU, UiKeys.LANG_RU));
        buttons.get(Lang.EN).setText(t.messages().get(Lang.EN, UiKeys.LANG_EN));
        buttons.get(Lang.ZH).setText(t.messages().get(Lang.ZH, UiKeys.LANG_ZH));
        buttons.forEach((lang, b) -> Ui.styleIf(b, "selected", lang == s.lang()));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()), null, null);
    }
}
