package org.topupkiosk.flow.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.ReceiptFacts;

/**
 * The journal's side of "find my number". No money moves, so there is no order: each step is a non-cash event in the
 * audit chain. A SIM's ICCID and IMSI identify a person, so they go in masked (issuer and network kept, the card's own
 * digits hidden), and so does the number; the slip the customer asks for is stored in full like every receipt, before
 * it prints, so it can be reprinted.
 */
public final class SimJournal {

    private static final Logger log = LoggerFactory.getLogger(SimJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journal journal;
    private final ReceiptDesk receipts;
    private final String kioskId;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public SimJournal(Journal journal, ReceiptDesk receipts, String kioskId, Clock clock) {
        this.journal = journal;
        this.receipts = receipts;
        this.kioskId = kioskId;
        this.clock = clock;
    }

    void read(SimIdentity card) {
        ObjectNode data = JSON.createObjectNode().put("kind", card.kind().name()).put("iccid", card.maskedIccid())
                .put("imsi", card.maskedImsi()).put("numberOnCard", card.msisdn().isPresent())
                .put("hint", card.operatorHint().orElse(null));
        journal.audit("sim_read", null, data.toString());
    }

    void readFailed(SimException.Code code) {
        journal.audit("sim_read_failed", null, JSON.createObjectNode().put("code", code.name()).toString());
    }

    void found(Msisdn number, boolean fromCard, String operatorId, boolean confirmed) {
        ObjectNode data = JSON.createObjectNode().put("source", fromCard ? "card" : "carrier")
                .put("number", number.masked()).put("operatorId", operatorId).put("operatorConfirmed", confirmed);
        journal.audit("sim_number_found", null, data.toString());
        log.info("sim number found source={} number={} operator={} confirmed={}", fromCard ? "card" : "carrier",
                number.masked(), operatorId, confirmed);
    }

    /** {@code reason} is the carrier's code ({@code unknown-sim}, {@code timeout}...), never a customer's text. */
    void notFound(String reason) {
        journal.audit("sim_number_not_found", null, JSON.createObjectNode().put("reason", reason).toString());
    }

    /**
     * A slip id: kiosk, "N", the time in base 36 and a counter; unique across restarts (the clock moves on) and within
     * one millisecond (the counter).
     */
    String newSlipId() {
        return kioskId + "-N" + Long.toString(clock.millis(), 36) + "-" + sequence.incrementAndGet();
    }

    /** Composes the "my number" slip, stores it in the journal, prints it on the printer's thread. */
    void printSlip(Msisdn number, String operatorName, boolean confirmed, boolean fromCard, Lang lang,
                   Consumer<Boolean> done) {
        String id = newSlipId();
        Receipt slip = receipts.layouts().numberSlip(new ReceiptFacts.NumberSlip(id, clock.instant(), number.pretty(),
                "tel:" + number.e164(), operatorName, confirmed, fromCard), lang);
        log.info("number slip id={} number={}", slip.id(), number.masked());
        receipts.printStored(slip, null, "number", done);
    }
}
