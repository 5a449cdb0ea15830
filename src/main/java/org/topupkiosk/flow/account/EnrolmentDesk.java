package org.topupkiosk.flow.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;

/**
 * The journal's side of the one-time-code services. An auto top-up moves no cash, so there is no order: each step is a
 * non-cash event in the audit chain (append-only, hash-chained) under the enrolment id that is also the carrier's
 * idempotency key, written before the carrier is asked and after it answers, as {@link VoucherDesk} does for scratch
 * cards. Showing a number's payments and reprinting one are journaled too. Neither the code nor its token is ever
 * journaled or logged.
 */
final class EnrolmentDesk {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentDesk.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journal journal;
    private final String kioskId;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    EnrolmentDesk(Journal journal, String kioskId, Clock clock) {
        this.journal = journal;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    /** An id for the carrier: kiosk, a letter for the kind, the time in base 36 and a counter; URL-safe. */
    private String newId(char kind) {
        return kioskId + "-" + kind + Long.toString(clock.millis(), 36) + "-" + sequence.incrementAndGet();
    }

    String newEnrolmentId() {
        return newId('A');
    }

    String newTokenUseId() {
        return newId('H');
    }

    /** Journaled before the first send (and again before each retry, so the chain shows every attempt). */
    void sending(String enrolmentId, Msisdn msisdn, Money threshold, Money amount, int attempt) {
        ObjectNode data = JSON.createObjectNode().put("number", msisdn.masked())
                .put("thresholdMinor", threshold.minor()).put("amountMinor", amount.minor())
                .put("currency", amount.currency()).put("attempt", attempt);
        journal.auditForNumber("autotopup_sent", enrolmentId, msisdn, data.toString());
        log.info("auto top-up enrolment sent id={} number={} threshold={} amount={} attempt={}", enrolmentId,
                msisdn.masked(), threshold.plain(), amount.plain(), attempt);
    }

    /** The carrier's answer, journaled before the customer sees it. */
    void answered(AutoTopUpEnrolment e) {
        ObjectNode data = JSON.createObjectNode().put("status", e.status().name())
                .put("ruleId", e.rule() == null ? null : e.rule().ruleId())
                .put("replacedRuleId", e.replaced() == null ? null : e.replaced().ruleId())
                .put("refusalCode", e.refusalCode());
        journal.audit(e.status() == AutoTopUpEnrolment.Status.ACTIVE ? "autotopup_active" : "autotopup_refused",
                e.enrolmentId(), data.toString());
        log.info("auto top-up enrolment answered id={} status={} rule={} refusal={}", e.enrolmentId(), e.status(),
                e.rule() == null ? null : e.rule().ruleId(), e.refusalCode());
    }

    /** No answer after the retries: the rule may or may not be on; the id lets support ask the carrier. */
    void unknown(String enrolmentId, String reason) {
        journal.audit("autotopup_outcome_unknown", enrolmentId, JSON.createObjectNode().put("reason", reason).toString());
        log.warn("auto top-up enrolment outcome unknown id={} reason={}", enrolmentId, reason);
    }

    /** A number's payments were shown, after the carrier took its code's token. */
    void historyShown(String useId, Msisdn msisdn, int entries) {
        journal.audit("history_shown", useId, JSON.createObjectNode().put("number", msisdn.masked())
                .put("entries", entries).toString());
        log.info("recent payments shown use={} number={} entries={}", useId, msisdn.masked(), entries);
    }

    /** A copy was printed for the customer (or the printer failed): of which entry, which receipts, which copy. */
    void copyPrinted(String entryId, String copyId, String kinds, boolean printed) {
        journal.audit("receipt_copy_printed", entryId, JSON.createObjectNode().put("copy", copyId)
                .put("of", kinds).put("printed", printed).toString());
        log.info("receipt copy entry={} copy={} of={} printed={}", entryId, copyId, kinds, printed);
    }
}
