package org.topupkiosk.ui.screens.goods;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.ui.kit.QrCodeView;
import org.topupkiosk.ui.kit.ReceiptNote;
import org.topupkiosk.ui.kit.ResultScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.offers.GoodsTexts;

/**
 * What the customer bought, shown once: the e-PIN in large type with its serial and how to use it, or the eSIM's
 * activation QR code (at least 300 px, black on white) with the text for typing it by hand and the new number. While
 * the carrier has not answered, the claim code that gets the goods later (the receipt carries it too).
 */
public final class GoodsDoneScreen extends ResultScreen {

    private static final int QR_PX = 420;

    private final Label big = Ui.label("goods-secret");
    private final Label detail = Ui.label("body");
    private final Label serial = Ui.label("body", "muted");
    private final Label howto = Ui.label("body");
    private final QrCodeView qr = new QrCodeView(QR_PX);
    private final Label qrHint = Ui.label("body");
    private final Label manual = Ui.label("hint");
    private final Label smdp = Ui.label("goods-manual");
    private final Label matching = Ui.label("goods-manual");
    private final Label note = Ui.label("body");
    private final Label change = Ui.label("body", "strong");

    public GoodsDoneScreen(Consumer<FlowCommand> send) {
        status.setId("goods-status");
        big.setId("goods-secret");
        big.setWrapText(false);
        qr.setId("goods-qr");
        smdp.setId("goods-smdp");
        matching.setId("goods-matching");
        detail.setId("goods-detail");
        change.setId("goods-change");
        // The scan hint stays beside the number, so the QR column fits the short landscape screen.
        note.setId("goods-note");
        layout(Ui.column(badge, status, serial, big, detail, qrHint),
                Ui.column(qr, note, manual, smdp, matching, howto, change, receipt));
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        GoodsView g = GoodsTexts.goods(s);
        boolean esim = GoodsTexts.esim(s);
        boolean issued = g != null && g.issued();
        FlowSnapshot.PaymentStatus ps = issued ? FlowSnapshot.PaymentStatus.CREDITED : FlowSnapshot.PaymentStatus.PENDING;
        showStatus(ps);
        icon.setContent(issued ? Ui.ICON_CHECK : Ui.ICON_CLOCK);
        if (issued && !esim) {
            status.setText(t.get(UiKeys.GOODS_DONE_EPIN));
            text(big, g.pin());
            text(detail, t.get(UiKeys.GOODS_DONE_PIN_HINT));
            text(serial, "");
            text(note, g.serial() == null ? "" : t.get(UiKeys.GOODS_DONE_SERIAL, g.serial())
                    + (g.expiresOn() == null ? "" : "\n" + t.get(UiKeys.GOODS_DONE_EXPIRES,
                    g.expiresOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.lang().locale())))));
            text(howto, t.get(UiKeys.GOODS_DONE_EPIN_HOWTO, s.operatorName() == null ? "" : s.operatorName()));
            qr.show(null);
            text(qrHint, "");
            text(manual, "");
            text(smdp, "");
            text(matching, "");
        } else if (issued) {
            status.setText(t.get(UiKeys.GOODS_DONE_ESIM));
            text(big, "");
            text(detail, t.get(UiKeys.GOODS_DONE_NEW_NUMBER, g.newNumber()));
            text(serial, "");
            text(note, "");
            qr.show(g.activationCode());
            text(qrHint, t.get(UiKeys.GOODS_DONE_ESIM_SCAN));
            text(manual, t.get(UiKeys.GOODS_DONE_ESIM_MANUAL));
            text(smdp, t.get(UiKeys.GOODS_DONE_SMDP, g.smdpAddress()));
            text(matching, t.get(UiKeys.GOODS_DONE_MATCHING, g.matchingId()));
            text(howto, "");
        } else {
            status.setText(t.get(UiKeys.GOODS_DONE_PENDING));
            boolean claim = g != null && g.claimCode() != null;
            text(big, claim ? g.claimCode() : "");
            text(detail, "");
            text(note, t.get(esim ? UiKeys.GOODS_DONE_PENDING_HINT_ESIM : UiKeys.GOODS_DONE_PENDING_HINT_EPIN));
            text(serial, claim ? t.get(UiKeys.GOODS_DONE_CLAIM) : "");
            qr.show(claim ? g.claimPayload() : null);
            text(qrHint, "");
            text(manual, "");
            text(smdp, "");
            text(matching, "");
            text(howto, "");
        }
        Ui.styleIf(big, "goods-claim", !issued);
        text(change, g == null || g.change() == null ? "" : t.get(UiKeys.GOODS_DONE_CHANGE, g.change(), g.changeCode()));
        ReceiptNote.show(receipt, s.receipt(), t);
    }
}
