package org.topupkiosk.flow.sim;

import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SimLookupView;

/** One session's find-my-number state, owned by the flow thread (a part of {@link Session}). */
final class SimLookup {

    SimLookupView.Phase phase = SimLookupView.Phase.WAITING;
    /** Where the reading started: SIM_INSERT (the service), or NUMBER_ENTRY / OPERATOR_CHOICE (filling the number). */
    Screen origin = Screen.SIM_INSERT;
    /** The card read; its ICCID and IMSI leave the flow only masked. */
    SimIdentity card;
    Msisdn number;
    boolean fromCard;
    String operatorId;
    boolean operatorConfirmed;
    String problemKey;
    FlowSnapshot.ReceiptState slip = FlowSnapshot.ReceiptState.NONE;
    /** This session read a card: while it is still in the reader the session waits for the customer to take it. */
    boolean used;
    /**
     * The card now in the slot has had its one reading in this session (read or failed): it is not read again until
     * it comes out, or the customer asks again from the insert screen, so a card left in never loops.
     */
    boolean cardConsumed;

    /** A new look-up from the insert screen: nothing found yet; {@code used} stays (the card may still be in). */
    void restart() {
        phase = SimLookupView.Phase.WAITING;
        origin = Screen.SIM_INSERT;
        card = null;
        number = null;
        fromCard = false;
        operatorId = null;
        operatorConfirmed = false;
        problemKey = null;
        slip = FlowSnapshot.ReceiptState.NONE;
        cardConsumed = false;
    }

    static SimLookup of(Session s) {
        return s.part(SimLookup.class, SimLookup::new);
    }
}
