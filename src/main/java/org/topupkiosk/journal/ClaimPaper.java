package org.topupkiosk.journal;

/**
 * Where a customer credit meets paper (issue 12, "no money without paper"). THE LINKAGE LIVES HERE: a credit is on paper
 * the customer holds when
 * <ol>
 *   <li>its own voucher receipt is printed: the receipts row {@code credit-<code>} (the id the receipt layer gives a
 *       credit voucher, {@code CreditLayouts}) with {@code printed = 1}; or</li>
 *   <li>it is the credit of order X's refusal or cancel ({@code customer_credits.source_txn = X}), X has a claim code
 *       ({@code goods_claims.txn_id = X}), and a receipt of X that carries that claim code was printed: a receipts row
 *       with {@code txn_id = X}, {@code kind} 'payment' (a top-up or package receipt: only its PENDING form prints
 *       before the outcome is known, and it carries the claim code) or 'pending' (an e-PIN or eSIM pending receipt)
 *       and {@code printed = 1}. That is "the claim receipt of txn X": a refusal that came after the customer left
 *       (late answer, offline sale refused by the outbox) stays an open credit, reached by scanning the claim code,
 *       which then prints the voucher once.</li>
 * </ol>
 * {@code journal verify}'s undelivered-credit rule and the start-up recovery both ask this one condition.
 */
public final class ClaimPaper {

    /** The receipt id prefix of a credit voucher (see {@code CreditLayouts.creditVoucher}). */
    public static final String VOUCHER_RECEIPT_PREFIX = "credit-";

    /** SQL over a {@code customer_credits} row aliased {@code cc}: true when the customer holds paper for it. */
    public static final String CREDIT_ON_PAPER = "(EXISTS (SELECT 1 FROM receipts pr WHERE pr.receipt_id = '"
            + VOUCHER_RECEIPT_PREFIX + "' || cc.code AND pr.printed = 1)"
            + " OR (cc.source_txn IS NOT NULL"
            + " AND EXISTS (SELECT 1 FROM goods_claims pg WHERE pg.txn_id = cc.source_txn)"
            + " AND EXISTS (SELECT 1 FROM receipts pc WHERE pc.txn_id = cc.source_txn"
            + " AND pc.kind IN ('payment', 'pending') AND pc.printed = 1)))";

    private ClaimPaper() {}
}
