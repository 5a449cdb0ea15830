package org.topupkiosk.receipt;

import java.time.Instant;
import java.util.List;
import org.topupkiosk.domain.Money;

/** What a receipt states, gathered by the flow or the service commands; the layouts only arrange it. */
public final class ReceiptFacts {

    private ReceiptFacts() {}

    /** The kiosk: its id, where it stands, whom to call, where a transaction can be looked up. */
    public record Kiosk(String id, String address, String supportPhone, String lookupUrlBase) {}

    public enum Status { CREDITED, PENDING, REFUSED }

    /**
     * One sale paid in cash. {@code overpayment} is what the customer put in beyond the price when the price is fixed
     * (a package, an e-PIN, an eSIM): it goes on a credit voucher ({@code overpaymentVoucher}), since the kiosk gives
     * no change. For a top-up everything goes to the balance and overpayment is zero. {@code credit} is a credit
     * voucher the customer spent into the sale (zero for none): it pays with the cash, and prints on its own line.
     */
    public record Sale(String txnId, Instant at, String operatorName, String maskedNumber, Money amount, Money fee,
                       Money cash, Money overpayment, String overpaymentVoucher, Status status, Money credit) {
        public Sale {
            credit = credit == null ? Money.zero(cash.currency()) : credit;
        }

        /** A sale paid in cash alone. */
        public Sale(String txnId, Instant at, String operatorName, String maskedNumber, Money amount, Money fee,
                    Money cash, Money overpayment, String overpaymentVoucher, Status status) {
            this(txnId, at, operatorName, maskedNumber, amount, fee, cash, overpayment, overpaymentVoucher, status,
                    null);
        }

        public Money total() {
            return amount.plus(fee);
        }
    }

    /** A carrier promotion the sale was sent with: its title and the bonus the carrier is expected to add. */
    public record Promo(String title, Money bonus) {}

    public record CreditVoucher(String code, Money amount, String sourceTxn, Instant issuedAt) {}

    public record VoucherRedemption(String txnId, Instant at, String operatorName, String maskedNumber,
                                    String voucherSerialMasked, Money faceValue, Status status) {}

    /**
     * activationCode is the SGP.22 string {@code LPA:1$<SM-DP+ address>$<matching id>}; {@code price} the plan's, so
     * what was paid above it ({@code sale.amount() - price}) prints as going to the new number.
     */
    public record Esim(Sale sale, String planName, String activationCode, Money price) {
        public Esim(Sale sale, String planName, String activationCode) {
            this(sale, planName, activationCode, sale.amount());
        }
    }

    public record EPin(Sale sale, String productName, String pin, String serial, String howToUse) {}

    // Find my number (issue 7 item 4).

    /**
     * The "my number" slip: no money, the customer's own number in full (they hold the card and asked for it), the
     * operator and whether the carrier confirmed it. {@code qrPayload} is a {@code tel:} link, which a phone saves and
     * the kiosk's scanner reads back into the number screen.
     */
    public record NumberSlip(String slipId, Instant at, String number, String qrPayload, String operatorName,
                             boolean operatorConfirmed, boolean fromCard) {}

    public record NoteCount(Money note, int count) {}

    /** {@code auditHead} is the journal's audit head ({@code <rows>:<hash>}) printed for verify --head, or null. */
    public record Encashment(String encashmentId, Instant at, String cashBoxId, String collector,
                             List<NoteCount> notes, Money total, Money openCredits, String auditHead) {
        public Encashment {
            notes = List.copyOf(notes);
        }

        public Encashment(String encashmentId, Instant at, String cashBoxId, String collector, List<NoteCount> notes,
                          Money total, Money openCredits) {
            this(encashmentId, at, cashBoxId, collector, notes, total, openCredits, null);
        }
    }

    public record OperatorTotal(String operatorName, int count, Money amount) {}

    /** An X report (interim, shift stays open) or a Z report (closes the shift). */
    public record Shift(boolean closing, int number, Instant openedAt, Instant at, int payments, Money amount,
                        Money fees, Money cashIn, Money creditsIssued, Money creditsRedeemed, Money refunds,
                        int pending, List<OperatorTotal> byOperator, String auditHead) {
        public Shift {
            byOperator = List.copyOf(byOperator);
        }

        public Shift(boolean closing, int number, Instant openedAt, Instant at, int payments, Money amount, Money fees,
                     Money cashIn, Money creditsIssued, Money creditsRedeemed, Money refunds, int pending,
                     List<OperatorTotal> byOperator) {
            this(closing, number, openedAt, at, payments, amount, fees, cashIn, creditsIssued, creditsRedeemed, refunds,
                    pending, byOperator, null);
        }
    }
}
