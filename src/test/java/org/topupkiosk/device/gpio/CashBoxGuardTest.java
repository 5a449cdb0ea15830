package org.topupkiosk.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/** The cash-box switch in front of the acceptor: no notes without a box, and recovery only when both are well. */
class CashBoxGuardTest {

    private final List<String> commands = new ArrayList<>();
    private final List<BillEvent> toFlow = new ArrayList<>();
    private final List<StatusLight.Mode> light = new ArrayList<>();
    private BillAcceptor.Listener acceptorSide;
    private final CashBoxGuard guard = new CashBoxGuard(new BillAcceptor() {
        @Override
        public void start(Listener listener) {
            acceptorSide = listener;
        }

        @Override
        public void enable(Set<Money> denominations) {
            commands.add("enable " + denominations.size());
        }

        @Override
        public void disable() {
            commands.add("disable");
        }

        @Override
        public void stack() {
            commands.add("stack");
        }

        @Override
        public void returnBill() {
            commands.add("return");
        }

        @Override
        public void acknowledge(String noteId) {
            commands.add("ack " + noteId);
        }

        @Override
        public DeviceHealth checkHealth() {
            return new DeviceHealth("bill-acceptor", DeviceHealth.State.OK, "idle");
        }

        @Override
        public void close() {
        }
    }, new StatusLightPolicy(light::add));

    @Test
    void boxOutDisablesRefusesEnableAndFaultsBoxBackReenablesAndRecovers() {
        guard.start(toFlow::add);
        guard.enable(Set.of(Money.rub(100), Money.rub(500)));
        assertThat(guard.accepting()).isTrue();
        assertThat(light).containsExactly(StatusLight.Mode.STEADY, StatusLight.Mode.BLINK);

        guard.onCabinetEvent(new CabinetEvent.CashBoxRemoved());
        assertThat(commands).containsExactly("enable 2", "disable");
        assertThat(toFlow).containsExactly(new BillEvent.Fault(CashBoxGuard.CASH_BOX_REMOVED, true));
        assertThat(light).endsWith(StatusLight.Mode.OFF);
        assertThat(guard.checkHealth().state()).isEqualTo(DeviceHealth.State.FAILED);

        guard.enable(Set.of(Money.rub(100)));
        assertThat(commands).as("no enable while the box is out").containsExactly("enable 2", "disable");
        guard.onCabinetEvent(new CabinetEvent.CashBoxRemoved());
        assertThat(toFlow).as("a repeat changes nothing").hasSize(1);

        guard.onCabinetEvent(new CabinetEvent.CashBoxInserted());
        assertThat(commands).containsExactly("enable 2", "disable", "enable 1");
        assertThat(toFlow).endsWith(new BillEvent.Recovered());
        assertThat(light).endsWith(StatusLight.Mode.BLINK);
        assertThat(guard.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
    }

    @Test
    void boxBackWhileTheAcceptorStillHasItsOwnFaultStaysOutOfService() {
        guard.start(toFlow::add);
        acceptorSide.onBillEvent(new BillEvent.Fault("cassette_out", true));
        guard.onCabinetEvent(new CabinetEvent.CashBoxRemoved());
        acceptorSide.onBillEvent(new BillEvent.Recovered());
        assertThat(toFlow).as("the acceptor's recovery is held back while the switch says out").containsExactly(
                new BillEvent.Fault("cassette_out", true), new BillEvent.Fault(CashBoxGuard.CASH_BOX_REMOVED, true));
        guard.onCabinetEvent(new CabinetEvent.CashBoxInserted());
        assertThat(toFlow).endsWith(new BillEvent.Recovered());
        assertThat(commands).as("nothing was asked to be enabled").containsExactly("disable");

        toFlow.clear();
        acceptorSide.onBillEvent(new BillEvent.Fault("jam", true));
        guard.onCabinetEvent(new CabinetEvent.CashBoxRemoved());
        guard.onCabinetEvent(new CabinetEvent.CashBoxInserted());
        assertThat(toFlow).as("the jam is not cleared by the box coming back").doesNotContain(new BillEvent.Recovered());
        acceptorSide.onBillEvent(new BillEvent.Recovered());
        assertThat(toFlow).endsWith(new BillEvent.Recovered());
    }

    @Test
    void notesPassThrough() {
        guard.start(toFlow::add);
        acceptorSide.onBillEvent(new BillEvent.Stacked(Money.rub(100), "n1"));
        guard.stack();
        guard.returnBill();
        guard.acknowledge("n1");
        assertThat(toFlow).containsExactly(new BillEvent.Stacked(Money.rub(100), "n1"));
        assertThat(commands).containsExactly("stack", "return", "ack n1");
    }
}
