package org.topupkiosk.ui.screens.account;

import org.topupkiosk.ui.kit.ReceiptNote;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.QrCodeView;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.SplitPane2;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.topupkiosk.flow.AccountView;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.FlowSnapshot.PaymentStatus;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The auto top-up's outcome: on (the rule in one sentence, the rule it replaced if any), or not confirmed yet (the
 * flow's message says what that means and whom to call; the id is here for support); the receipt state, and the
 * lookup link as a QR code to photograph when the receipt did not print.
 */
public final class AutoTopUpDoneScreen implements ScreenView {

    private final VBox root;
    private final SplitPane2 split;
    private final SVGPath icon = Ui.icon(Ui.ICON_CHECK, "status-icon");
    private final Label status = Ui.label("title", "status-title");
    private final Label rule = Ui.label("body", "strong", "rule-sentence");
    private final Label replaced = Ui.label("body");
    private final Label id = Ui.label("body", "muted");
    private final Label receipt = Ui.label("body", "muted");
    private final Label qrTitle = Ui.label("hint");
    private final QrCodeView qr = new QrCodeView(260);

    public AutoTopUpDoneScreen() {
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().add("status-badge");
        status.setId("autotopup-status");
        rule.setId("autotopup-done-rule");
        id.setId("autotopup-id");
        for (Label l : new Label[] {status, rule, replaced}) {
            // Wrapping text: measured at its width, never squeezed to one line with an ellipsis.
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // The outcome and the rule on the left; what replaced what, the id and the receipt with its QR on the right.
        split = new SplitPane2(Ui.column(badge, status, rule), Ui.column(replaced, id, receipt, qrTitle, qr));
        root = Ui.column(split);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        AccountView v = s.services() == null ? null : s.services().account();
        boolean active = s.paymentStatus() == PaymentStatus.CREDITED;
        Ui.styleIf(root, "status-pending", !active);
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

    @Override
    public void setLandscape(boolean landscape) {
        split.setLandscape(landscape);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(null, null, BarSpec.Action.of(UiKeys.DONE, new FlowCommand.Finish()));
    }
}
