package org.topupkiosk.carrier;

import java.util.Objects;
import java.util.Optional;
import org.topupkiosk.domain.Msisdn;

/**
 * "Find my number": the number a SIM stores, or else the carrier's answer for its ICCID (when the gateway has
 * {@link Capability#SIM_LOOKUP}). Blocks on the network when
 * it asks the carrier, so callers run it off the flow thread. The operator is the carrier's when it answered, else
 * the IMSI's hint (only a hint: numbers move between operators).
 */
public final class SimNumberFinder {

    /** Where the number came from. NONE: the card stores none and the carrier could not say (see {@code error}). */
    public enum Source { CARD, CARRIER, NONE }

    /**
     * @param error the carrier's failure when {@code source} is NONE because of it (unknown-sim, unreachable...);
     *              empty when the carrier was not asked (its gateway has no {@link Capability#SIM_LOOKUP})
     */
    public record Found(Optional<Msisdn> msisdn, Source source, Optional<String> operatorId,
                        Optional<CarrierException> error) {

        public static final String KEY_NOT_STORED = "sim.number.not_stored";
        public static final String KEY_CARRIER_UNREACHABLE = "sim.number.carrier_unreachable";
        /** The card stores no number and the gateway cannot look one up (OSMP): the card was all there was. */
        public static final String KEY_CARD_ONLY = "sim.number.card_only";

        /** The i18n key of what to tell the customer when no number was found; empty when one was. */
        public Optional<String> messageKey() {
            if (msisdn.isPresent()) {
                return Optional.empty();
            }
            if (error.isEmpty()) {
                return Optional.of(KEY_CARD_ONLY);
            }
            boolean retryable = error.map(CarrierException::retryable).orElse(false);
            return Optional.of(retryable ? KEY_CARRIER_UNREACHABLE : KEY_NOT_STORED);
        }
    }

    private final CarrierGateway carrier;

    public SimNumberFinder(CarrierGateway carrier) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
    }

    /**
     * @param iccid        the card's serial number, as the card reader read it
     * @param storedNumber the number the card stores, empty when it stores none (or none that is a Russian mobile)
     * @param operatorHint the operator the IMSI suggests, empty for foreign or unknown networks
     */
    public Found find(String iccid, Optional<Msisdn> storedNumber, Optional<String> operatorHint) {
        if (storedNumber.isPresent()) {
            return new Found(storedNumber, Source.CARD, operatorHint, Optional.empty());
        }
        if (!carrier.capabilities().contains(Capability.SIM_LOOKUP)) {
            // A protocol without the look-up (OSMP): the card alone tells the number, and this one does not.
            return new Found(Optional.empty(), Source.NONE, operatorHint, Optional.empty());
        }
        try {
            SimSubscriber s = carrier.subscriberBySim(iccid);
            return new Found(Optional.of(s.msisdn()), Source.CARRIER, Optional.of(s.operatorId()), Optional.empty());
        } catch (CarrierException e) {
            return new Found(Optional.empty(), Source.NONE, operatorHint, Optional.of(e));
        }
    }
}
