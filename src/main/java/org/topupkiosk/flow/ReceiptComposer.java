package org.topupkiosk.flow;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.domain.Receipt.Style;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Receipt layouts, pure: order data in, lines of at most {@code columns} characters out. Labels are in the customer's
 * language; the title repeats in Russian when the customer chose another language, since the receipt is also a
 * document for the Russian store and tax inspector.
 */
public final class ReceiptComposer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final FlowSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    public ReceiptComposer(Messages messages, FlowSettings settings, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public String lookupLink(String txnId) {
        return settings.lookupUrlBase() + txnId;
    }

    public Receipt payment(Order order, Operator operator, FlowSnapshot.PaymentStatus status, Lang lang) {
        List<Line> lines = new ArrayList<>();
        header(lines, "receipt.title.topup", lang);
        pair(lines, lang, "receipt.txn", order.txnId());
        pair(lines, lang, "receipt.operator", operator.names().getOrDefault(lang.code(), operator.id()));
        pair(lines, lang, "receipt.number", order.msisdn().masked());
        pair(lines, lang, "receipt.cash", order.cash().plus(order.creditApplied()).format(lang.locale()));
        pair(lines, lang, "receipt.fee", order.fee().format(lang.locale()));
        lines.add(new Line(fit(messages.get(lang, "receipt.amount") + ": " + order.amount().format(lang.locale())),
                Style.BOLD));
        wrap(lines, messages.get(lang, "receipt.no_change"));
        String statusKey = switch (status) {
            case CREDITED -> "receipt.status.credited";
            case PENDING -> "receipt.status.pending";
            case REFUSED -> "receipt.status.refused";
        };
        pair(lines, lang, "receipt.status", messages.get(lang, statusKey));
        footer(lines, lang);
        wrap(lines, messages.get(lang, "receipt.lookup"));
        return new Receipt(order.txnId() + "-payment", settings.receiptColumns(), lines, lookupLink(order.txnId()));
    }

    public Receipt credit(CustomerCredit credit, Lang lang) {
        List<Line> lines = new ArrayList<>();
        header(lines, "receipt.title.credit", lang);
        if (credit.sourceTxn() != null) {
            pair(lines, lang, "receipt.txn", credit.sourceTxn());
        }
        lines.add(new Line(fit(messages.get(lang, "receipt.credit.amount") + ": "
                + credit.amount().format(lang.locale())), Style.LARGE));
        lines.add(new Line(fit(messages.get(lang, "receipt.credit.code") + ": " + credit.code()), Style.LARGE));
        wrap(lines, messages.get(lang, "receipt.credit.howto"));
        footer(lines, lang);
        return new Receipt("credit-" + credit.code(), settings.receiptColumns(), lines, credit.code());
    }

    /** Rebuilds a receipt from its stored text, for reprints after a restart or from the service screen. */
    public Receipt fromStored(StoredReceipt stored) {
        return Receipt.fromStored(stored.receiptId(), stored.body(), settings.receiptColumns());
    }

    private void header(List<Line> lines, String titleKey, Lang lang) {
        lines.add(new Line(fit(messages.get(lang, titleKey)), Style.CENTER_BOLD));
        if (lang != Lang.RU) {
            lines.add(new Line(fit(messages.get(Lang.RU, titleKey)), Style.CENTER));
        }
        pair(lines, lang, "receipt.kiosk", settings.kioskId());
        wrap(lines, settings.address());
        pair(lines, lang, "receipt.date", DATE.format(clock.instant().atZone(zone)));
    }

    private void footer(List<Line> lines, Lang lang) {
        pair(lines, lang, "receipt.support", settings.supportPhone());
    }

    private void pair(List<Line> lines, Lang lang, String labelKey, String value) {
        String label = messages.get(lang, labelKey) + ":";
        int width = settings.receiptColumns();
        if (label.length() + 1 + value.length() <= width) {
            lines.add(new Line(label + " ".repeat(width - label.length() - value.length()) + value, Style.NORMAL));
        } else {
            wrap(lines, label);
            wrap(lines, "  " + value);
        }
    }

    private void wrap(List<Line> lines, String text) {
        int width = settings.receiptColumns();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(new Line(line.toString(), Style.NORMAL));
                    line.setLength(0);
                }
                lines.add(new Line(word.substring(0, width), Style.NORMAL));
                word = word.substring(width);
            }
            if (line.length() + (line.isEmpty() ? 0 : 1) + word.length() > width) {
                lines.add(new Line(line.toString(), Style.NORMAL));
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(new Line(line.toString(), Style.NORMAL));
        }
    }

    private String fit(String text) {
        int width = settings.receiptColumns();
        return text.length() <= width ? text : text.substring(0, width);
    }

    static Money total(Order order) {
        return order.amount().plus(order.fee());
    }
}
