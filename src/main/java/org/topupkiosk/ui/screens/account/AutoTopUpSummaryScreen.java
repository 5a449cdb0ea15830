package org.topupkiosk.ui.screens.account;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The auto top-up rule in one sentence before anything is sent: which number, below what balance, how much, and that
 * the operator takes it from the payment method on the account (the kiosk takes nothing). "Send code" asks the carrier
 * for the one-time code that confirms it.
 */
public final class AutoTopUpSummaryScreen extends ColumnScreen {

    private final Label rule = Ui.label("body", "strong", "rule-sentence");
    private final Label replaces = Ui.label("body");
    private final Label noCash = Ui.label("no-change");
    private final Label hint = Ui.label("hint");

    public AutoTopUpSummaryScreen() {
        rule.setId("autotopup-rule");
        VBox card = Ui.card(rule, replaces);
        layout(title, card, noCash, hint);
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
