package org.topupkiosk.device.cash.id003;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/** The status machine against sequences of STATUS REQUEST answers: only changes raise events. */
class Id003MachineTest {

    private final Id003Machine machine = new Id003Machine(Id003Denominations.RUB_DEFAULT);

    private List<Id003Machine.Signal> feed(Id003Status... answers) {
        List<Id003Machine.Signal> out = new ArrayList<>();
        for (Id003Status s : answers) {
            out.addAll(machine.onStatus(s));
        }
        return out;
    }

    private static Id003Status s(Id003State state) {
        return Id003Status.of(state);
    }

    @Test
    void escrowThenVendValidCreditsTheEscrowedNoteOnce() {
        List<Id003Machine.Signal> out = feed(s(Id003State.IDLING), s(Id003State.ACCEPTING),
                Id003Status.of(Id003State.ESCROW, 0x63), Id003Status.of(Id003State.ESCROW, 0x63),
                s(Id003State.STACKING), s(Id003State.VEND_VALID), s(Id003State.VEND_VALID), s(Id003State.STACKED),
                s(Id003State.IDLING));
        assertThat(out).containsExactly(
                new Id003Machine.Signal.Emit(new BillEvent.Escrowed(Money.rub(100))),
                new Id003Machine.Signal.NoteStacked(Money.rub(100)));
        assertThat(machine.inEscrow()).isEmpty();
    }

    @Test
    void returningAndAHiddenReturnBothGiveReturned() {
        assertThat(feed(Id003Status.of(Id003State.ESCROW, 0x64), s(Id003State.RETURNING), s(Id003State.IDLING)))
                .containsExactly(new Id003Machine.Signal.Emit(new BillEvent.Escrowed(Money.rub(500))),
                        new Id003Machine.Signal.Emit(new BillEvent.Returned(Money.rub(500))));
        // the RETURNING answer was lost on the line: the acceptor is idle again, the note went back
        assertThat(feed(Id003Status.of(Id003State.ESCROW, 0x61), s(Id003State.IDLING)))
                .containsExactly(new Id003Machine.Signal.Emit(new BillEvent.Escrowed(Money.rub(10))),
                        new Id003Machine.Signal.Emit(new BillEvent.Returned(Money.rub(10))));
    }

    @Test
    void rejectsFaultsAndRecovery() {
        assertThat(feed(s(Id003State.IDLING), Id003Status.of(Id003State.REJECTING, 0x72), s(Id003State.IDLING)))
                .containsExactly(new Id003Machine.Signal.Emit(new BillEvent.Rejected("magnetic")));
        assertThat(feed(s(Id003State.JAM_IN_ACCEPTOR), s(Id003State.JAM_IN_ACCEPTOR), s(Id003State.IDLING)))
                .containsExactly(new Id003Machine.Signal.Emit(new BillEvent.Fault("jam", true)),
                        new Id003Machine.Signal.Emit(new BillEvent.Recovered()));
        assertThat(feed(s(Id003State.STACKER_OPEN), s(Id003State.STACKER_FULL), s(Id003State.DISABLED)))
                .containsExactly(new Id003Machine.Signal.Emit(new BillEvent.Fault("cassette-removed", true)),
                        new Id003Machine.Signal.Emit(new BillEvent.Fault("cassette-full", true)),
                        new Id003Machine.Signal.Emit(new BillEvent.Recovered()));
        assertThat(feed(Id003Status.of(Id003State.FAILURE, 0xA2))).containsExactly(
                new Id003Machine.Signal.Emit(new BillEvent.Fault("failure:0xa2", true)));
    }

    @Test
    void powerUpStatesAndUnknownNotes() {
        assertThat(feed(s(Id003State.POWER_UP_BILL_IN_STACKER))).containsExactly(
                new Id003Machine.Signal.PoweredUp(BillEvent.PowerUpWithBill.Location.STACKER));
        assertThat(feed(s(Id003State.POWER_UP_BILL_IN_ACCEPTOR))).containsExactly(
                new Id003Machine.Signal.PoweredUp(BillEvent.PowerUpWithBill.Location.VALIDATOR));
        assertThat(feed(s(Id003State.POWER_UP))).containsExactly(new Id003Machine.Signal.PoweredUp(null));
        assertThat(feed(Id003Status.of(Id003State.ESCROW, 0x6F))).containsExactly(
                new Id003Machine.Signal.UnknownInEscrow(0x6F));
        assertThat(feed(s(Id003State.IDLING), s(Id003State.VEND_VALID))).containsExactly(
                new Id003Machine.Signal.UnknownStacked());
    }

    @Test
    void aVendValidThatCouldNotBeRecordedComesBackAsTheSameNote() {
        feed(Id003Status.of(Id003State.ESCROW, 0x66), s(Id003State.STACKING), s(Id003State.VEND_VALID));
        machine.vendNotRecorded(Money.rub(5000));
        assertThat(feed(s(Id003State.VEND_VALID))).containsExactly(new Id003Machine.Signal.NoteStacked(Money.rub(5000)));
    }

    @Test
    void aConfiguredTableMapsCodesInOrder() {
        Id003Denominations t = Id003Denominations.inCodeOrder(List.of(Money.rub(50), Money.rub(100)));
        assertThat(t.amount(0x61)).contains(Money.rub(50));
        assertThat(t.amount(0x62)).contains(Money.rub(100));
        assertThat(t.amount(0x63)).isEmpty();
        assertThat(t.code(Money.rub(100))).isEqualTo(0x62);
    }

    @Test
    void denominationMaskInhibitsEveryCodeNotWanted() {
        byte[] mask = Id003Denominations.RUB_DEFAULT.inhibitMask(Set.of(Money.rub(10), Money.rub(2000)));
        assertThat(mask).containsExactly(0x7E, 0xFF);
        assertThat(Id003Denominations.enabled(mask, 0x61)).isTrue();
        assertThat(Id003Denominations.enabled(mask, 0x68)).isTrue(); // 2000 is bit 7 of the first byte
        assertThat(Id003Denominations.enabled(mask, 0x62)).isFalse();
        assertThat(Id003Denominations.enabled(mask, 0x69)).isFalse(); // codes with no note stay inhibited
    }
}
