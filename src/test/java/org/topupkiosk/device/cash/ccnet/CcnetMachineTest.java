package org.topupkiosk.device.cash.ccnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.domain.Money;

/** The device state machine against poll sequences: a change means an event, a repeat means nothing. */
class CcnetMachineTest {

    private final BillTable table = BillTable.parse(BillTable.encode(CcnetEmulator.RUB_TABLE));
    private final CcnetMachine m = new CcnetMachine(table);

    private List<CcnetMachine.Signal> feed(CcnetState s, int data) {
        return m.onStatus(new CcnetStatus(s, data));
    }

    private static CcnetMachine.Signal emit(BillEvent e) {
        return new CcnetMachine.Signal.Emit(e);
    }

    @Test
    void aNoteFromEscrowToStackedOnceEvenWhenRepeated() {
        assertThat(feed(CcnetState.IDLING, -1)).isEmpty();
        assertThat(feed(CcnetState.ACCEPTING, -1)).isEmpty();
        assertThat(feed(CcnetState.ESCROW, 6)).containsExactly(emit(new BillEvent.Escrowed(Money.rub(200))));
        assertThat(feed(CcnetState.ESCROW, 6)).isEmpty();
        assertThat(feed(CcnetState.STACKING, -1)).isEmpty();
        assertThat(feed(CcnetState.STACKED, 6)).containsExactly(new CcnetMachine.Signal.NoteStacked(Money.rub(200), 6));
        assertThat(feed(CcnetState.STACKED, 6)).as("repeated because our ACK was lost").isEmpty();
        assertThat(feed(CcnetState.IDLING, -1)).isEmpty();
    }

    @Test
    void returnedAndRejectedWithReasons() {
        feed(CcnetState.ESCROW, 2);
        assertThat(feed(CcnetState.RETURNED, 2)).containsExactly(emit(new BillEvent.Returned(Money.rub(100))));
        assertThat(feed(CcnetState.REJECTING, 0x68)).containsExactly(emit(new BillEvent.Rejected("inhibit")));
        assertThat(feed(CcnetState.REJECTING, 0x61)).containsExactly(emit(new BillEvent.Rejected("magnetic")));
        assertThat(feed(CcnetState.REJECTING, 0x7E)).containsExactly(emit(new BillEvent.Rejected("reject-0x7e")));
    }

    @Test
    void faultsTakeTheKioskOutOfServiceUntilTheDeviceIsIdleAgain() {
        assertThat(feed(CcnetState.VALIDATOR_JAMMED, -1)).containsExactly(emit(new BillEvent.Fault("jam", true)));
        assertThat(feed(CcnetState.VALIDATOR_JAMMED, -1)).isEmpty();
        assertThat(feed(CcnetState.CASSETTE_OUT, -1))
                .containsExactly(emit(new BillEvent.Fault("cassette-removed", true)));
        assertThat(feed(CcnetState.IDLING, -1)).containsExactly(emit(new BillEvent.Recovered()));
        assertThat(feed(CcnetState.CASSETTE_FULL, -1)).containsExactly(emit(new BillEvent.Fault("cassette-full", true)));
        assertThat(feed(CcnetState.FAILURE, 0x50))
                .containsExactly(emit(new BillEvent.Fault("failure:stack-motor", true)));
        assertThat(feed(CcnetState.UNIT_DISABLED, -1)).containsExactly(emit(new BillEvent.Recovered()));
        assertThat(feed(CcnetState.CHEATED, -1)).containsExactly(emit(new BillEvent.Fault("cheated", false)));
    }

    @Test
    void powerUpStatesAskForAResetAndSayWhereTheNoteIs() {
        assertThat(feed(CcnetState.POWER_UP, -1)).containsExactly(new CcnetMachine.Signal.PoweredUp(null));
        assertThat(feed(CcnetState.POWER_UP_BILL_IN_STACKER, -1))
                .containsExactly(new CcnetMachine.Signal.PoweredUp(BillEvent.PowerUpWithBill.Location.STACKER));
        assertThat(feed(CcnetState.POWER_UP_BILL_IN_VALIDATOR, -1))
                .containsExactly(new CcnetMachine.Signal.PoweredUp(BillEvent.PowerUpWithBill.Location.VALIDATOR));
    }

    @Test
    void aTypeOutsideTheTableIsReturnedNotCredited() {
        assertThat(feed(CcnetState.ESCROW, 20)).containsExactly(new CcnetMachine.Signal.UnknownInEscrow(20));
    }
}
