package org.topupkiosk.ui.screens.account;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** The balance of a number in large type, the date it expires (in the customer's locale), and "top up this number". */
public final class BalanceScreen extends ColumnScreen {

    private final Label number = Ui.label("number-display");
    private final Label amount = Ui.label("amount-huge");
    private final Label expires = Ui.label("body", "strong");
    private final Label hint = Ui.label("hint");

    public BalanceScreen() {
        amount.setId("balance-amount");
        amount.setWrapText(false);
        expires.setId("balance-expires");
        number.setWrapText(false);
        VBox card = Ui.card(number, amount, expires);
        layout(title, card, hint);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        ServicesView v = s.services();
        title.setText(t.get(UiKeys.BALANCE_TITLE));
        number.setText(s.msisdn() == null ? "" : s.msisdn().pretty());
        amount.setText(v == null ? "" : t.money(v.balance()));
        if (v != null && v.balanceExpires() != null) {
            String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(s.lang().locale())
                    .format(v.balanceExpires());
            expires.setText(t.get(UiKeys.BALANCE_EXPIRES, date));
        } else {
            expires.setText(t.get(UiKeys.BALANCE_NO_EXPIRY));
        }
        hint.setText(t.get(UiKeys.BALANCE_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.DONE, new FlowCommand.Finish()),
                BarSpec.Action.of(UiKeys.BALANCE_TOP_UP, new FlowCommand.ChooseService(Service.TOPUP)));
    }
}
