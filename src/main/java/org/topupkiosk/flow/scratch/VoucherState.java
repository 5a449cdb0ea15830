package org.topupkiosk.flow.scratch;

import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.flow.core.Session;

/** A scratch card's redemption in one session; see {@link ScratchCards}. */
public final class VoucherState {

    /** The scratch card PIN as typed; never logged, never in a snapshot except as a mask. */
    public final StringBuilder pin = new StringBuilder(20);
    public VoucherInfo voucher;
    int wrongPins;
    public String redemptionId;

    public static VoucherState of(Session s) {
        return s.part(VoucherState.class, VoucherState::new);
    }
}
