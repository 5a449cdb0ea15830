package org.topupkiosk.ui.screens.account;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.ui.kit.QrCodeView;
import org.topupkiosk.ui.kit.ReceiptNote;
import org.topupkiosk.ui.kit.ResultScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The auto top-up's outcome: on (the rule in one sentence, the rule it replaced if any), or not confirmed yet (the
 * flow's message says what that means and whom to call; the id is here for support); the receipt state, and the
 * lookup link as a QR code to photograph when the receipt did not print.
 */
public final class AutoTopUpDoneScreen extends ResultScreen {

    private final Label rule = Ui.label("body", "strong", "rule-sentence");
    private final Label replaced = Ui.label("body");
    private final Label id = Ui.label("body", "muted");
    private final Label qrTitle = Ui.label("hint");
    private final QrCodeView qr = new QrCodeView(260);

    public AutoTopUpDoneScreen() {
        status.setId("autotopup-status");
        rule.setId("autotopup-done-rule");
        id.setId("autotopup-id");
        for (Label l : new Label[] {status, rule, replaced}) {
            // Wrapping text: measured at its width, never squeezed to one line with an ellipsis.
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        // The outcome and the rule on the left; what replaced what, the id and the receipt with its QR on the right.
        layout(Ui.column(badge, status, rule), Ui.column(replaced, id, receipt, qrTitle, qr));
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        AccountView v = s.services() == null ? null : s.services().account();
        boolean active = s.paymentStatus() == PaymentStatus.CREDITED;
        styleIf("status-pending", !active);
        icon.setContent(active ? Ui.ICON_CHECK : Ui.ICON_CLOCK);
        status.setText(t.get(active ? UiKeys.AUTO_TOPUP_DONE_ACTIVE : UiKeys.AUTO_TOPUP_DONE_PENDING));
        rule.setText(v == null || v.threshold() == null || s.msisdn() == null ? ""
                : t.get(UiKeys.AUTO_TOPUP_RULE, s.msisdn().masked(), v.threshold(), v.amount()));
        boolean wasRule = v != null && v.replaced() != null;
        replaced.setText(wasRule ? t.get(UiKeys.AUTO_TOPUP_DONE_REPLACED, v.replaced().threshold(),
                v.replaced().amount()) : "");
        Ui.show(replaced, wasRule);
        id.setText(v == null || v.enrolmentId() == null ? "" : t.get(UiKeys.AUTO_TOPUP_DONE_ID, v.enrolmentId()));
        ReceiptNote.show(receipt, s.receipt(), t);
        boolean link = s.qrPayload() != null && !s.qrPayload().isBlank();
        qrTitle.setText(t.get(UiKeys.RECEIPT_LOOKUP));
        qr.show(link ? s.qrPayload() : null);
        Ui.show(qrTitle, link);
    }
}
