package org.topupkiosk.flow.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Capability;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Msisdn;

/**
 * The carrier's part of "find my number", run off the flow thread (through {@link CarrierCalls}, with the flow's
 * timeout): the number from the card or else by the card's ICCID ({@link SimNumberFinder}), and for a number the card
 * stores, the operator the carrier's account check names (the card's network code is only a hint).
 */
final class SimCarrierLookup {

    private static final Logger log = LoggerFactory.getLogger(SimCarrierLookup.class);

    private final CarrierGateway carrier;
    private final SimNumberFinder finder;
    private final Catalog catalog;

    SimCarrierLookup(CarrierGateway carrier, Catalog catalog) {
        this.carrier = carrier;
        this.finder = new SimNumberFinder(carrier);
        this.catalog = catalog;
    }

    /** What the look-up learnt: the number, where from, the operator and whether the carrier said so. */
    record Answer(Msisdn number, boolean fromCard, String operatorId, boolean confirmed, String problemKey,
                  String reason) {}

    /** Off the flow thread: the number (card, else carrier by ICCID), then the carrier's operator for it. */
    Answer ask(SimIdentity card) {
        SimNumberFinder.Found f = finder.find(card.iccid(), card.msisdn(), card.operatorHint());
        if (f.msisdn().isEmpty()) {
            String reason = f.error().map(CarrierException::code).orElse("card-only"); // not asked: the gateway has no SIM look-up
            log.info("sim number not found reason={}", reason);
            return new Answer(null, false, null, false, f.messageKey().orElseThrow(), reason);
        }
        Msisdn number = f.msisdn().get();
        if (f.source() == SimNumberFinder.Source.CARRIER) {
            return new Answer(number, false, f.operatorId().orElse(null), true, null, null);
        }
        String hint = card.operatorHint().orElse(null);
        if (!carrier.capabilities().contains(Capability.CHECK_ACCOUNT)) {
            return new Answer(number, true, hint, false, null, null);
        }
        try {
            AccountCheck check = carrier.checkAccount(number, hint);
            if (check.operatorId() != null && catalog.operator(check.operatorId()).isPresent()) {
                return new Answer(number, true, check.operatorId(), true, null, null);
            }
        } catch (CarrierException e) {
            log.info("operator of the card's number not confirmed kind={} code={}", e.kind(), e.code());
        }
        return new Answer(number, true, hint, false, null, null);
    }
}
