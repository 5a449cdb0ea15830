package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.QrCodeView;
import org.topupkiosk.ui.kit.ReceiptNote;
import org.topupkiosk.ui.kit.ResultScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The outcome: paid, accepted and pending, or refused; the amount to the masked number, the transaction id, the
 * receipt state, and the lookup link as a QR code (with its text) to photograph when the receipt did not print.
 */
public final class DoneScreen extends ResultScreen {

    private final Label amountTo = Ui.label("amount-large");
    private final Label detail = Ui.label("body");
    private final Label txn = Ui.label("body", "muted");
    private final Label qrTitle = Ui.label("hint");
    private final Label qrPayload = Ui.label("qr-payload");
    private final QrCodeView qrCode = new QrCodeView(300);

    public DoneScreen(Consumer<FlowCommand> send) {
        status.setId("done-status");
        txn.setId("done-txn");
        qrPayload.setId("done-qr-payload");
        qrCode.setId("done-qr");
        layout(Ui.column(badge, status, amountTo),
                Ui.column(detail, txn, receipt, qrTitle, qrCode, qrPayload));
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        PaymentStatus ps = s.paymentStatus() == null ? PaymentStatus.PENDING : s.paymentStatus();
        showStatus(ps);
        switch (ps) {
            case CREDITED -> {
                icon.setContent(Ui.ICON_CHECK);
                status.setText(t.get(s.service() == Service.VOUCHER ? UiKeys.VOUCHER_DONE
                        : UiKeys.DONE_CREDITED));
                detail.setText(t.get(UiKeys.PAYMENT_CREDITED));
            }
            case PENDING -> {
                icon.setContent(Ui.ICON_CLOCK);
                status.setText(t.get(UiKeys.DONE_PENDING));
                detail.setText(t.get(UiKeys.PAYMENT_PENDING));
            }
            case REFUSED -> {
                icon.setContent(Ui.ICON_CROSS);
                status.setText(t.get(UiKeys.DONE_REFUSED));
                detail.setText(t.get(UiKeys.PAYMENT_REFUSED));
            }
        }
        boolean showAmount = s.toBalance() != null && s.msisdn() != null && ps != PaymentStatus.REFUSED;
        // A package names what was bought; a top-up or a scratch card what went to the balance.
        ServicesView.PackageView pkg = s.services() == null ? null : s.services().selected();
        Object what = pkg != null ? pkg.title() : s.toBalance();
        amountTo.setText(showAmount ? t.get(UiKeys.DONE_AMOUNT_TO, what, s.msisdn().masked()) : "");
        Ui.show(amountTo, showAmount);
        txn.setText(s.txnId() == null ? "" : t.get(UiKeys.DONE_TXN, s.txnId()));
        Ui.show(txn, s.txnId() != null);
        ReceiptNote.show(receipt, s.receipt(), t);
        boolean qr = s.qrPayload() != null && !s.qrPayload().isBlank();
        qrTitle.setText(t.get(UiKeys.RECEIPT_LOOKUP));
        qrPayload.setText(qr ? s.qrPayload() : "");
        qrCode.show(qr ? s.qrPayload() : null);
        Ui.show(qrTitle, qr);
        Ui.show(qrPayload, qr);
    }
}
