package org.topupkiosk.flow.core;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.topupkiosk.domain.Money;

/**
 * The one-time-code services' part of a {@link ServicesView} (auto top-up, recent payments): immutable. Nullable
 * fields are null when they do not apply to the screen. The code's token is never here; the typed code is, since the
 * customer reads it off their own phone and it opens nothing outside this session.
 *
 * @param choices      the money tiles of the threshold or amount screen
 * @param threshold    the auto top-up's "when the balance falls below", once chosen
 * @param amount       what the carrier adds each time, once chosen
 * @param codeSentTo   the masked number the code went to ("+7 916 ***-**-67")
 * @param codeLength   digits in the code, from the carrier's challenge (0 before one is sent)
 * @param codeTyped    digits typed so far
 * @param codeExpires  when the code stops working, kiosk local time
 * @param attemptsLeft tries left as the carrier last said, or -1 before the first wrong code
 * @param codeDead     locked, expired or used: only a new code helps
 * @param enrolmentId  the auto top-up's id for support, once sent
 * @param ruleId       the carrier's rule id, once active
 * @param replaced     the rule the new one replaced ("below 100 ₽ add 500 ₽"), or null
 * @param rows         this page of the number's payments, newest first
 * @param page         zero-based page of {@code rows}
 * @param pages        pages in all (at least 1)
 * @param total        payments in all
 * @param reprinting   the payment whose copy is printing, or null
 */
public record AccountView(
        List<Money> choices,
        Money threshold,
        Money amount,
        String codeSentTo,
        int codeLength,
        String codeTyped,
        LocalTime codeExpires,
        int attemptsLeft,
        boolean codeDead,
        String enrolmentId,
        String ruleId,
        Rule replaced,
        List<Row> rows,
        int page,
        int pages,
        int total,
        String reprinting) {

    /** An auto top-up rule as the screen states it. */
    public record Rule(Money threshold, Money amount) {}

    /** What a row is: the screen names it in the customer's language. */
    public enum Kind { TOPUP, PACKAGE, SCRATCH_CARD, AUTO_TOPUP, OTHER }

    /**
     * Where a payment ended, in the customer's terms: CREDITED (on the balance), ACTIVE (an auto top-up rule is on),
     * PENDING (the operator has it), REFUSED or CANCELLED (the money went on a credit voucher), UNCONFIRMED (the
     * operator never answered; support can ask by id).
     */
    public enum Status { CREDITED, ACTIVE, PENDING, REFUSED, CANCELLED, UNCONFIRMED }

    /** One of the number's payments: when, what, how much, how it ended, and whether a copy is already printed. */
    public record Row(String id, LocalDateTime at, Kind kind, String operatorName, Money amount, Money threshold,
                      Status status, boolean creditVoucher, boolean copied) {}

    public AccountView {
        choices = choices == null ? List.of() : List.copyOf(choices);
        rows = rows == null ? List.of() : List.copyOf(rows);
        codeTyped = codeTyped == null ? "" : codeTyped;
    }
}
