package org.topupkiosk.ui.screens.account;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.AccountView;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The auto top-up rule in one sentence before anything is sent: which number, below what balance, how much, and that
 * the operator takes it from the payment method on the account (the kiosk takes nothing). "Send code" asks the carrier
 * for the one-time code that confirms it.
 */
public final class AutoTopUpSummaryScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title");
    private final Label rule = Ui.label("body", "strong", "rule-sentence");
    private final Label replaces = Ui.label("body");
    private final Label noCash = Ui.label("no-change");
    private final Label hint = Ui.label("hint");

    public AutoTopUpSummaryScreen() {
        rule.setId("autotopup-rule");
        VBox card = Ui.column(rule, replaces);
        card.getStyleClass().add("card");
        root = Ui.column(title, card, noCash, hint);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        AccountView v = s.services() == null ? null : s.services().account();
        title.setText(t.get(UiKeys.AUTO_TOPUP_SUMMARY_TITLE));
        rule.setText(v == null || v.threshold() == null || v.amount() == null || s.msisdn() == null ? ""
                : t.get(UiKeys.AUTO_TOPUP_RULE, s.msisdn().pretty(), v.threshold(), v.amount()));
        replaces.setText(t.get(UiKeys.AUTO_TOPUP_SUMMARY_REPLACES));
        noCash.setText(t.get(UiKeys.AUTO_TOPUP_SUMMARY_NO_CASH));
        hint.setText(t.get(UiKeys.AUTO_TOPUP_SUMMARY_CODE_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOverNext(UiKeys.SEND_CODE, true);
    }
}
