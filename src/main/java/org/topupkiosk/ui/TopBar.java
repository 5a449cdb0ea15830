package org.topupkiosk.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The frame's top: operator or service title with the number, the language switch, and, once cash is in, the
 * inserted total on its own strip so it is never out of sight.
 */
final class TopBar extends VBox {

    private final Label title = Ui.label("topbar-title");
    private final Label subtitle = Ui.label("topbar-subtitle");
    private final Label offline = Ui.label("badge", "badge-warning");
    private final Label inserted = Ui.label("inserted");
    private final HBox insertedStrip = new HBox(inserted);
    private final Map<Lang, Button> langs = new EnumMap<>(Lang.class);

    TopBar(Consumer<FlowCommand> send) {
        getStyleClass().add("topbar");
        title.setId("top-title");
        title.setWrapText(false);
        subtitle.setWrapText(false);
        offline.setId("top-offline");
        offline.setWrapText(false);
        offline.setMinWidth(Region.USE_PREF_SIZE);
        inserted.setId("top-inserted");
        VBox titles = new VBox(title, subtitle);
        titles.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(titles, Priority.ALWAYS);
        titles.setMinWidth(0);
        HBox switcher = new HBox();
        switcher.getStyleClass().add("lang-switch");
        for (Lang lang : Lang.values()) {
            Button b = Ui.button("top-lang-" + lang.code(), "lang-button", "lang-" + lang.code() + "-text");
            b.setOnAction(e -> send.accept(new FlowCommand.SetLanguage(lang)));
            langs.put(lang, b);
            switcher.getChildren().add(b);
        }
        Region gap = new Region();
        HBox row = new HBox(titles, offline, gap, switcher);
        row.getStyleClass().add("topbar-row");
        row.setAlignment(Pos.CENTER_LEFT);
        insertedStrip.getStyleClass().add("inserted-strip");
        insertedStrip.setAlignment(Pos.CENTER);
        getChildren().addAll(row, insertedStrip);
    }

    /** Before an operator is known, the bar names the service in use (after the home screen). */
    static String serviceTitle(FlowSnapshot s) {
        if (s.services() == null || s.screen() == Screen.HOME || s.screen() == Screen.LANGUAGE) {
            return UiKeys.APP_TITLE;
        }
        return switch (s.service()) {
            case PACKAGE -> UiKeys.SERVICE_PACKAGE;
            case BALANCE -> UiKeys.SERVICE_BALANCE;
            case VOUCHER -> UiKeys.SERVICE_VOUCHER;
            case AUTO_TOPUP -> UiKeys.SERVICE_AUTO_TOPUP;
            case HISTORY -> UiKeys.SERVICE_HISTORY;
            case EPIN -> UiKeys.SERVICE_EPIN;
            case ESIM -> UiKeys.SERVICE_ESIM;
            default -> UiKeys.APP_TITLE;
        };
    }

    void update(FlowSnapshot s, Texts t) {
        boolean idle = s.screen() == Screen.IDLE;
        String operator = s.operatorName();
        title.setText(operator != null && !operator.isBlank() ? operator : t.get(serviceTitle(s)));
        Ui.show(title, !idle);
        String number = s.msisdn() == null ? "" : s.msisdn().pretty();
        subtitle.setText(number);
        Ui.show(subtitle, !idle && !number.isEmpty());
        offline.setText(t.get(UiKeys.TOPBAR_OFFLINE));
        Ui.show(offline, s.offline() && !idle);
        inserted.setText(s.hasCash() ? t.get(UiKeys.TOPBAR_INSERTED, s.cashInserted()) : "");
        Ui.show(insertedStrip, s.hasCash());
        for (Lang lang : Lang.values()) {
            Button b = langs.get(lang);
            b.setText(t.messages().get(lang, UiKeys.languageName(lang)));
            Ui.styleIf(b, "selected", lang == s.lang());
        }
    }
}
