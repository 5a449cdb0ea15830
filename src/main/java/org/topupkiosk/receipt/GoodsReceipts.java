package org.topupkiosk.receipt;

import java.time.Clock;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.CreditCodes;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.GoodsClaim;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.journal.Order;

/**
 * The receipts of e-PIN and eSIM sales, pure: the issued PIN in large type or the eSIM's activation QR, or, while the
 * carrier has not answered, the claim code as large text, QR and CODE128. Receipt ids are {@code <txn>-epin},
 * {@code <txn>-esim} and {@code <txn>-pending}; the desk stores each before it prints, so reprints and claims print
 * the same paper.
 */
public final class GoodsReceipts {

    private final ReceiptLayouts layouts;
    private final Clock clock;

    public GoodsReceipts(ReceiptLayouts layouts, Clock clock) {
        this.layouts = layouts;
        this.clock = clock;
    }

    public Receipt issued(Order order, Operator operator, String title, Money price, Goods goods, CustomerCredit change,
                   Lang lang) {
        ReceiptFacts.Sale sale = sale(order, operator, goods.msisdn() == null ? null : goods.msisdn().pretty(),
                ReceiptFacts.Status.CREDITED, change, lang);
        if ("esim".equals(goods.kind())) {
            return layouts.esim(new ReceiptFacts.Esim(sale, paper(title, lang), goods.secret(), price), lang);
        }
        return layouts.ePin(new ReceiptFacts.EPin(sale, paper(title, lang), groupPin(goods.secret()),
                goods.serial() == null ? "" : goods.serial(), null), lang);
    }

    public Receipt pending(Order order, Operator operator, String title, GoodsClaim claim, CustomerCredit change, Lang lang) {
        ReceiptFacts.Sale sale = sale(order, operator, null, ReceiptFacts.Status.PENDING, change, lang);
        return layouts.goodsPending(sale, paper(title, lang), "esim".equals(order.kind()), claim.code(),
                GoodsClaimCodes.pretty(claim.code()), lang);
    }

    private ReceiptFacts.Sale sale(Order order, Operator operator, String number, ReceiptFacts.Status status,
                                   CustomerCredit change, Lang lang) {
        String name = operator == null ? order.operatorId() : operator.names().getOrDefault(lang.code(), operator.id());
        Money zero = Money.zero(order.cash().currency());
        return new ReceiptFacts.Sale(order.txnId(), clock.instant(), name, number, order.amount(), order.fee(),
                order.cash(), change == null ? zero : change.amount(),
                change == null ? null : CreditCodes.pretty(change.code()), status, order.creditApplied());
    }

    /** A carrier's title with the rouble sign as the receipt's money prints it: CP866 printers have no ₽. */
    static String paper(String title, Lang lang) {
        return title.replace("₽", lang == Lang.RU ? "руб." : "RUB");
    }

    /** "1234 5678 9012 3456": a PIN is typed from the paper, in groups of four. */
    public static String groupPin(String pin) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pin.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(pin.charAt(i));
        }
        return out.toString();
    }
}
