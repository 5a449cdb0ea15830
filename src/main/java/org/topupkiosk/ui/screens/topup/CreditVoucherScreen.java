package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.QrCodeView;
import org.topupkiosk.ui.kit.ReceiptNote;
import org.topupkiosk.ui.kit.SplitScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** The customer's money kept as a credit: amount and code in large type, so a photo of the screen is proof too. */
public final class CreditVoucherScreen extends SplitScreen {

    private final Label amount = Ui.label("amount-huge");
    private final Label codeTitle = Ui.label("hint");
    private final Label code = Ui.label("voucher-code");
    private final QrCodeView qrCode = new QrCodeView(240);
    private final Label howto = Ui.label("body");
    private final Label receipt = Ui.label("body", "muted");

    public CreditVoucherScreen(Consumer<FlowCommand> send) {
        amount.setId("voucher-amount");
        amount.setWrapText(false);
        code.setId("voucher-code");
        qrCode.setId("voucher-qr");
        VBox card = Ui.card(codeTitle, code, qrCode);
        split(Ui.column(title, amount), Ui.column(card, howto, receipt));
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.VOUCHER_TITLE));
        amount.setText(t.money(s.creditAmount()));
        codeTitle.setText(t.get(UiKeys.VOUCHER_CODE));
        code.setText(s.creditCode() == null ? "" : s.creditCode());
        qrCode.show(s.creditCode());
        howto.setText(t.get(UiKeys.CREDIT_HOWTO));
        ReceiptNote.show(receipt, s.receipt(), t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(null, null, BarSpec.Action.of(UiKeys.DONE, new FlowCommand.Finish()));
    }
}
