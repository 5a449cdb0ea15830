package org.topupkiosk.flow;

import org.topupkiosk.carrier.VoucherInfo;

/** A scratch card's redemption in one session; see {@link ScratchCards}. */
final class VoucherState {

    /** The scratch card PIN as typed; never logged, never in a snapshot except as a mask. */
    final StringBuilder pin = new StringBuilder(20);
    VoucherInfo voucher;
    int wrongPins;
    String redemptionId;

    static VoucherState of(Session s) {
        return s.part(VoucherState.class, VoucherState::new);
    }
}
