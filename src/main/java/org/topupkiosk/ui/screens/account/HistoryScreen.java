package org.topupkiosk.ui.screens.account;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.PagedCards;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * A number's payments at this kiosk, newest first, a page at a time: each a card with the date, what it was, the
 * amount, how it ended and a big "Reprint" button. Big arrows page through the list; nothing scrolls.
 */
public final class HistoryScreen extends ColumnScreen {

    private final Consumer<FlowCommand> send;
    private final Label count = Ui.label("hint");
    private final Label empty = Ui.label("body", "muted");
    private final PagedCards list;
    private final List<Card> pool = new ArrayList<>();
    private boolean landscape;

    public HistoryScreen(Consumer<FlowCommand> send) {
        this.send = send;
        list = new PagedCards("history", "history-cards", send);
        count.setId("history-count");
        empty.setId("history-empty");
        layout(title, count, empty, list.cards(), list.pager());
        setLandscape(false);
    }

    /** One payment's card; reused across pages. */
    private final class Card {
        final HBox box = new HBox();
        final Label when = Ui.label("history-when");
        final Label what = Ui.label("history-what");
        final Label status = Ui.label("history-status");
        final Label amount = Ui.label("history-amount");
        final Button reprint = Ui.button(null, "history-reprint");
        String entryId;

        Card() {
            box.getStyleClass().addAll("card", "history-card");
            VBox left = new VBox(when, what, status);
            left.getStyleClass().add("history-left");
            HBox.setHgrow(left, Priority.ALWAYS);
            left.setMinWidth(0);
            for (Label l : new Label[] {when, what, status}) {
                // Wrapping text is measured at its width, never squeezed to one line with an ellipsis.
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            amount.setWrapText(false);
            reprint.setMaxWidth(Double.MAX_VALUE);
            // The button's word is never cut: the texts on the left wrap instead.
            reprint.setMinWidth(Region.USE_PREF_SIZE);
            VBox right = new VBox(amount, reprint);
            right.getStyleClass().add("history-right");
            right.setAlignment(Pos.CENTER_RIGHT);
            right.setFillWidth(true);
            right.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().addAll(left, right);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMaxWidth(Double.MAX_VALUE);
            reprint.setOnAction(e -> {
                if (entryId != null) {
                    send.accept(new FlowCommand.Reprint(entryId));
                }
            });
        }
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        AccountView v = s.services() == null ? null : s.services().account();
        title.setText(t.get(UiKeys.HISTORY_TITLE));
        int total = v == null ? 0 : v.total();
        count.setText(t.get(UiKeys.HISTORY_COUNT, Integer.toString(total)));
        Ui.show(count, !landscape); // the short landscape screen keeps its height for the cards
        empty.setText(t.get(UiKeys.HISTORY_EMPTY));
        Ui.show(empty, total == 0);
        List<AccountView.Row> rows = v == null ? List.of() : v.rows();
        while (pool.size() < rows.size()) {
            pool.add(new Card());
        }
        List<Node> shown = new ArrayList<>();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(s.lang().locale());
        for (int i = 0; i < rows.size(); i++) {
            AccountView.Row r = rows.get(i);
            Card c = pool.get(i);
            c.entryId = r.id();
            c.reprint.setId("reprint-" + r.id());
            c.when.setText(date.format(r.at()));
            c.what.setText(what(r, t));
            c.status.setText(t.get(statusKey(r)));
            for (AccountView.Status st : AccountView.Status.values()) {
                Ui.styleIf(c.status, "history-status-" + st.name().toLowerCase(Locale.ROOT), st == r.status());
            }
            c.amount.setText(t.money(r.amount()));
            boolean printing = r.id().equals(v.reprinting());
            c.reprint.setText(t.get(r.copied() && !printing ? UiKeys.HISTORY_COPIED : UiKeys.HISTORY_REPRINT));
            c.reprint.setDisable(r.copied() || v.reprinting() != null);
            shown.add(c.box);
        }
        list.show(shown);
        int pages = v == null ? 1 : v.pages();
        int current = v == null ? 0 : v.page();
        list.setPage(current, pages, t.get(UiKeys.HISTORY_PAGE, Integer.toString(current + 1), Integer.toString(pages)),
                t.get(UiKeys.HISTORY_UP), t.get(UiKeys.HISTORY_DOWN));
    }

    /** "Top-up MTS", "Auto top-up: 300 ₽ when below 50 ₽": what the customer paid for, in their words. */
    static String what(AccountView.Row r, Texts t) {
        String operator = r.operatorName() == null ? "" : r.operatorName();
        return switch (r.kind()) {
            case TOPUP -> t.get(UiKeys.HISTORY_KIND_TOPUP, operator).strip();
            case PACKAGE -> t.get(UiKeys.HISTORY_KIND_PACKAGE, operator).strip();
            case SCRATCH_CARD -> t.get(UiKeys.HISTORY_KIND_VOUCHER, operator).strip();
            case AUTO_TOPUP -> r.threshold() == null ? t.get(UiKeys.HISTORY_KIND_AUTO_TOPUP)
                    : t.get(UiKeys.HISTORY_KIND_AUTO_TOPUP_RULE, r.threshold());
            case OTHER -> t.get(UiKeys.HISTORY_KIND_OTHER);
        };
    }

    static String statusKey(AccountView.Row r) {
        return switch (r.status()) {
            case CREDITED -> UiKeys.HISTORY_STATUS_CREDITED;
            case ACTIVE -> UiKeys.HISTORY_STATUS_ACTIVE;
            case PENDING -> UiKeys.HISTORY_STATUS_PENDING;
            case REFUSED -> UiKeys.HISTORY_STATUS_REFUSED;
            case CANCELLED -> UiKeys.HISTORY_STATUS_CANCELLED;
            case UNCONFIRMED -> UiKeys.HISTORY_STATUS_UNCONFIRMED;
        };
    }

    @Override
    public void setLandscape(boolean landscape) {
        this.landscape = landscape;
        Ui.show(count, !landscape);
        list.setLandscape(landscape);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                null,
                BarSpec.Action.of(UiKeys.DONE, new FlowCommand.Finish()));
    }
}
