package org.topupkiosk.receipt;

import java.time.Instant;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.receipt.ReceiptFacts.NumberSlip;

/** Slips that move no money: a customer's found number (issue 7 item 4) and the printer's test page. */
record SlipLayouts(ReceiptFrame frame) {

    /** The test page's QR payload when no lookup address is configured. */
    static final String PRINTER_TEST_QR = "TOPUP KIOSK PRINTER TEST";

    Receipt numberSlip(NumberSlip n, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.number", lang, n.at());
        w.centred(w.label("receipt.number.yours"), Receipt.Style.CENTER);
        w.large(n.number());
        if (n.operatorName() != null) {
            w.pair("receipt.operator", n.operatorName());
            if (!n.operatorConfirmed()) {
                w.text(w.msg("receipt.number.operator_hint"));
            }
        }
        w.text(w.msg(n.fromCard() ? "receipt.number.from_card" : "receipt.number.from_carrier"));
        w.rule();
        w.text(w.msg("receipt.number.not_payment"));
        w.text(w.msg("receipt.number.scan"));
        w.pair("receipt.support", frame.supportPhone());
        return w.build(n.slipId() + "-number", n.qrPayload(), null);
    }

    Receipt printerTest(String transport, Instant at, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.test", lang, at);
        w.text(transport);
        w.heading("receipt.test.cyrillic");
        w.text("Съешь же ещё этих мягких французских булок, да выпей чаю. №1");
        w.heading("receipt.test.chinese");
        w.text("中文打印测试：手机充值，谢谢光临。");
        w.heading("receipt.test.large");
        w.large("АБВ 123");
        w.rule();
        // Without a lookup address the page still tests the QR code, with a payload that is not a link.
        String qr = frame.lookupLink("TEST");
        return w.build("printer-test-" + at.getEpochSecond(), qr == null ? PRINTER_TEST_QR : qr, null);
    }
}
