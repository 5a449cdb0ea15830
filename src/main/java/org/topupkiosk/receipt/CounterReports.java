package org.topupkiosk.receipt;

import java.time.Instant;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.Shift;

/** The counter's paper, pure: a sale receipt from its order, and X and Z reports from the journal's shift totals. */
public final class CounterReports {

    private final ReceiptLayouts layouts;
    private final Catalog catalog;

    public CounterReports(ReceiptLayouts layouts, Catalog catalog) {
        this.layouts = layouts;
        this.catalog = catalog;
    }

    public Operator operator(String id) {
        return catalog.operator(id).orElseThrow(() -> new IllegalStateException("operator " + id
                + " is not in the catalog"));
    }

    public Receipt sale(Order order, Operator operator, Money received, String cashier, ReceiptFacts.Status status,
                 Lang lang, Instant at) {
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale(order.txnId(), at,
                operator.names().getOrDefault(lang.code(), operator.id()), order.msisdn().masked(), order.amount(),
                order.fee(), order.paid(), Money.zero(order.amount().currency()), null, status);
        Money got = received == null ? order.paid() : received;
        return layouts.counterSale(sale, got, got.minus(order.paid()), cashier, lang);
    }

    public Receipt shift(Shift s, Instant at, Lang lang) {
        return shift(s, at, null, lang);
    }

    /** The X or Z report with the journal's audit head ({@code <rows>:<hash>}, null for none) printed on it. */
    public Receipt shift(Shift s, Instant at, String auditHead, Lang lang) {
        ReceiptFacts.Shift facts = new ReceiptFacts.Shift(!s.open(), s.number(), s.openedAt(),
                s.open() ? at : s.closedAt(), s.sales(), s.amount(), s.fees(), s.drawer(), Money.ZERO_RUB,
                Money.ZERO_RUB, s.returned(), s.pending(), s.byOperator().stream()
                .map(o -> new ReceiptFacts.OperatorTotal(catalog.operator(o.operatorId())
                        .map(op -> op.names().getOrDefault(lang.code(), op.id())).orElse(o.operatorId()), o.count(),
                        o.amount())).toList(), auditHead);
        return layouts.counterShift(facts, s.cashierId(), s.received(), s.change(), lang);
    }
}
