package org.topupkiosk.carrier;

import java.time.Instant;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * A payment to send. {@code txnId} is made once per order, stored before the first send and never changed.
 * {@code productId} is null for a plain top-up. {@code createdAt} is the moment the customer paid (txn_date).
 */
public record PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                             Instant createdAt) {}
