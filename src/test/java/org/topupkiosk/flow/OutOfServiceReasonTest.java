package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;

/**
 * The flow's out-of-service reason for the health endpoint follows the same facts as its resting screen: the service
 * lock, the acceptor's fault and an internal error each say why, and letting customers back clears it.
 */
class OutOfServiceReasonTest {

    @TempDir
    Path dir;

    @Test
    void eachReasonTheKioskRestsOutOfServiceForIsSaidAndClearedWithIt() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            assertThat(k.flow.outOfServiceReason()).isEmpty();

            k.acceptor.raise(new BillEvent.Fault("cassette-removed", true));
            k.exec.runPending();
            assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
            assertThat(k.flow.outOfServiceReason()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("bill acceptor fault: cassette-removed"));
            k.acceptor.raise(new BillEvent.Fault("pause", false)); // a passing condition changes nothing
            k.exec.runPending();
            assertThat(k.flow.outOfServiceReason().orElseThrow()).contains("cassette-removed");
            k.acceptor.raise(new BillEvent.Recovered());
            k.exec.runPending();
            assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
            assertThat(k.flow.outOfServiceReason()).isEmpty();

            k.cmd(new FlowCommand.Lock("door_open"), new FlowCommand.Lock("service"));
            assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
            assertThat(k.flow.outOfServiceReason()).contains("cabinet door opened: locked until a technician lets"
                    + " customers back from the service menu; locked for service from the service menu");
            k.cmd(new FlowCommand.Unlock());
            assertThat(k.flow.outOfServiceReason()).isEmpty();

            k.flow.fail("device-poller", new IllegalStateException("a driver bug"));
            k.exec.runPending();
            assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
            assertThat(k.flow.outOfServiceReason()).contains("internal error on thread device-poller"
                    + " (IllegalStateException): a technician must let customers back from the service menu");
            k.cmd(new FlowCommand.Unlock());
            assertThat(k.flow.outOfServiceReason()).isEmpty();
        }
    }
}
