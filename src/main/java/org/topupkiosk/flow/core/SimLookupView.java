package org.topupkiosk.flow.core;

import org.topupkiosk.domain.Msisdn;

/**
 * The find-my-number screens' part of a {@link ServicesView}: immutable. The card's ICCID and IMSI are never here:
 * the customer needs the number, and a snapshot may be logged or mirrored.
 *
 * @param phase             where the look-up is
 * @param readerReady       the reader is armed on this screen and working: the number and operator screens say "or
 *                          insert your SIM card"
 * @param cardInSlot        the customer's card is still in the reader: remind them to take it back
 * @param number            the number found (in full: the customer holds the card), or null
 * @param fromCard          the card stores the number itself (else the operator found it by the card's ICCID)
 * @param operatorId        the operator serving the number, or null when nobody could say
 * @param operatorName      its name in the customer's language, or null
 * @param operatorColor     its brand colour, or null
 * @param operatorConfirmed the operator is the carrier's answer; false: only the card's network code says so (a hint,
 *                          since numbers move between operators)
 * @param problemKey        on the failure screen, the i18n key of what went wrong and what to do; else null
 * @param slip              the "my number" slip: not asked for, printing, printed or failed
 */
public record SimLookupView(Phase phase, boolean readerReady, boolean cardInSlot, Msisdn number, boolean fromCard,
                            String operatorId, String operatorName, String operatorColor, boolean operatorConfirmed,
                            String problemKey, FlowSnapshot.ReceiptState slip) {

    /** WAITING for a card, READING it, ASKING the carrier, FOUND the number, or FAILED. */
    public enum Phase { WAITING, READING, ASKING, FOUND, FAILED }

    public SimLookupView {
        phase = phase == null ? Phase.WAITING : phase;
        slip = slip == null ? FlowSnapshot.ReceiptState.NONE : slip;
    }

    /** "Print my number" can be pressed: no slip yet, or the last one failed. */
    public boolean canPrint() {
        return number != null && (slip == FlowSnapshot.ReceiptState.NONE || slip == FlowSnapshot.ReceiptState.FAILED);
    }
}
