package org.topupkiosk.flow.scratch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;

/**
 * The journal's side of scratch-card redemptions. No cash moves, so there is no order: each step is a non-cash event
 * in the audit chain (append-only, hash-chained), written before the carrier is asked and after it answers, under the
 * redemption id that is also the carrier's idempotency key. The PIN is never journaled or logged.
 */
public final class VoucherDesk {

    private static final Logger log = LoggerFactory.getLogger(VoucherDesk.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journal journal;
    private final String kioskId;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public VoucherDesk(Journal journal, String kioskId, Clock clock) {
        this.journal = journal;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    /**
     * A new redemption id: kiosk, "V", the time in base 36 and a counter, unique across restarts (the clock moves on)
     * and within one millisecond (the counter); URL-safe as the carrier API asks.
     */
    String newRedemptionId() {
        return kioskId + "-V" + Long.toString(clock.millis(), 36) + "-" + sequence.incrementAndGet();
    }

    /** Journaled before the first send: which card (serial, value) goes to which number under which id. */
    void sending(String redemptionId, VoucherInfo card, Msisdn msisdn) {
        ObjectNode data = JSON.createObjectNode().put("serial", card.serial()).put("nominalMinor", card.nominal().minor())
                .put("currency", card.nominal().currency()).put("operatorId", card.operatorId())
                .put("number", msisdn.masked());
        journal.auditForNumber("voucher_redeem_sent", redemptionId, msisdn, data.toString());
        log.info("voucher redemption sent id={} serial={} number={}", redemptionId, card.serial(), msisdn.masked());
    }

    /** The carrier's answer, journaled before the customer sees it. */
    void answered(VoucherRedemption r) {
        ObjectNode data = JSON.createObjectNode().put("status", r.status().name()).put("carrierRef", r.carrierRef())
                .put("refusalCode", r.refusalCode());
        if (r.nominal() != null) {
            data.put("nominalMinor", r.nominal().minor());
        }
        journal.audit(r.status() == VoucherRedemption.Status.REDEEMED ? "voucher_redeemed" : "voucher_refused",
                r.redemptionId(), data.toString());
        log.info("voucher redemption answered id={} status={} ref={} refusal={}", r.redemptionId(), r.status(),
                r.carrierRef(), r.refusalCode());
    }

    /** No answer after the retries: the card may or may not have been applied; the id lets support ask the carrier. */
    void unknown(String redemptionId, String reason) {
        journal.audit("voucher_outcome_unknown", redemptionId,
                JSON.createObjectNode().put("reason", reason).toString());
        log.warn("voucher redemption outcome unknown id={} reason={}", redemptionId, reason);
    }
}
