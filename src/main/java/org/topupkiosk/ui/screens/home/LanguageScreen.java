package org.topupkiosk.ui.screens.home;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * Three big language buttons, each labelled in its own language; the title is shown in all three. Stacked in
 * portrait, in a row in landscape, where three stacked buttons would not fit under the title.
 */
public final class LanguageScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title", "lang-zh-text"); // three languages in one label: the CJK face covers all three
    private final GridPane choices = new GridPane();
    private final Map<Lang, Button> buttons = new EnumMap<>(Lang.class);

    public LanguageScreen(Consumer<FlowCommand> send) {
        choices.getStyleClass().add("choices");
        for (Lang lang : Lang.values()) {
            Button b = Ui.button("lang-" + lang.code(), "huge-button", "language-choice", "lang-" + lang.code() + "-text");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> send.accept(new FlowCommand.SetLanguage(lang)));
            buttons.put(lang, b);
            choices.getChildren().add(b);
        }
        root = Ui.column(title, choices);
        root.getStyleClass().add("language");
        setLandscape(false);
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
        for (Lang lang : Lang.values()) {
            Button b = buttons.get(lang);
            b.setText(t.messages().get(lang, UiKeys.languageName(lang)));
            Ui.styleIf(b, "selected", lang == s.lang());
        }
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()), null, null);
    }

    @Override
    public void setLandscape(boolean landscape) {
        choices.getColumnConstraints().clear();
        int columns = landscape ? 3 : 1;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            choices.getColumnConstraints().add(c);
        }
        int i = 0;
        for (Lang lang : Lang.values()) {
            GridPane.setConstraints(buttons.get(lang), landscape ? i : 0, landscape ? 0 : i);
            i++;
        }
    }
}
