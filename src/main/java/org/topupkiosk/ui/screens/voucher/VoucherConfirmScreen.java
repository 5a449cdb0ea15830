package org.topupkiosk.ui.screens.voucher;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** What the carrier says the card is worth and whose numbers it tops up, before the customer types the number. */
public final class VoucherConfirmScreen extends ColumnScreen {

    private final Label nominal = Ui.label("amount-huge");
    private final Label operator = Ui.label("body", "strong");
    private final Label serial = Ui.label("body", "muted");
    private final Label hint = Ui.label("hint");

    public VoucherConfirmScreen() {
        nominal.setId("voucher-nominal");
        nominal.setWrapText(false);
        operator.setId("voucher-operator");
        VBox card = Ui.card(nominal, operator, serial);
        layout(title, card, hint);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        ServicesView v = s.services();
        title.setText(t.get(UiKeys.VOUCHER_CONFIRM_TITLE));
        nominal.setText(v == null ? "" : t.money(v.voucherNominal()));
        operator.setText(v == null || v.voucherOperatorName() == null ? ""
                : t.get(UiKeys.VOUCHER_CONFIRM_OPERATOR, v.voucherOperatorName()));
        serial.setText(v == null || v.voucherSerial() == null ? "" : t.get(UiKeys.VOUCHER_CONFIRM_SERIAL, v.voucherSerial()));
        hint.setText(t.get(UiKeys.VOUCHER_CONFIRM_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOverNext(UiKeys.NEXT, true);
    }
}
