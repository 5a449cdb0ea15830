package org.topupkiosk.device.gpio;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillAcceptorWrapper;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/**
 * The bill acceptor as the flow sees it, with the cabinet's cash-box switch in front: while the box is out the
 * acceptor is disabled and refuses to be enabled (a note taken with no box would fall into the cabinet), and the flow
 * hears it as an out-of-service acceptor fault, the same path a CCNET "drop cassette out of position" takes. When the
 * box is back the acceptor is enabled again if the flow had asked for it, and the flow hears {@link BillEvent.Recovered}
 * unless the acceptor itself still reports a fault. Also tells the {@link StatusLightPolicy} whether notes are taken.
 */
public final class CashBoxGuard extends BillAcceptorWrapper {

    private static final Logger log = LoggerFactory.getLogger(CashBoxGuard.class);

    /** The fault code the flow journals when the switch, not the acceptor, says the box is out. */
    public static final String CASH_BOX_REMOVED = "cash_box_removed";

    private final StatusLightPolicy light;
    private Listener listener;
    private boolean boxOut;
    private boolean acceptorFault;
    private Set<Money> wanted;

    public CashBoxGuard(BillAcceptor inner, StatusLightPolicy light) {
        super(inner);
        this.light = light;
    }

    @Override
    public void start(Listener flowListener) {
        synchronized (this) {
            this.listener = flowListener;
        }
        inner.start(this::fromAcceptor);
    }

    private void fromAcceptor(BillEvent event) {
        boolean forward = true;
        synchronized (this) {
            if (event instanceof BillEvent.Fault f && f.outOfService()) {
                acceptorFault = true;
            } else if (event instanceof BillEvent.Recovered) {
                acceptorFault = false;
                forward = !boxOut;
            }
            updateLight();
        }
        if (forward) {
            tell(event);
        } else {
            log.info("acceptor recovered while the cash box switch says out: still out of service");
        }
    }

    /** From the GPIO thread: the cabinet's switch reports the box taken out or put back. */
    public void onCabinetEvent(CabinetEvent event) {
        if (event instanceof CabinetEvent.CashBoxRemoved) {
            synchronized (this) {
                if (boxOut) {
                    return;
                }
                boxOut = true;
                updateLight();
            }
            inner.disable();
            tell(new BillEvent.Fault(CASH_BOX_REMOVED, true));
        } else if (event instanceof CabinetEvent.CashBoxInserted) {
            Set<Money> reenable;
            boolean recovered;
            synchronized (this) {
                if (!boxOut) {
                    return;
                }
                boxOut = false;
                reenable = wanted;
                recovered = !acceptorFault;
                updateLight();
            }
            if (reenable != null) {
                inner.enable(reenable);
            }
            if (recovered) {
                tell(new BillEvent.Recovered());
            }
        }
    }

    private void tell(BillEvent event) {
        Listener l;
        synchronized (this) {
            l = listener;
        }
        if (l != null) {
            l.onBillEvent(event);
        }
    }

    @Override
    public void enable(Set<Money> denominations) {
        synchronized (this) {
            wanted = Set.copyOf(denominations);
            updateLight();
            if (boxOut) {
                log.warn("acceptor enable refused: the cash box is out");
                return;
            }
        }
        inner.enable(denominations);
    }

    @Override
    public void disable() {
        synchronized (this) {
            wanted = null;
            updateLight();
        }
        inner.disable();
    }

    /** True when the acceptor has been asked to take notes and may: the light blinks. */
    public synchronized boolean accepting() {
        return wanted != null && !boxOut && !acceptorFault;
    }

    public synchronized boolean cashBoxOut() {
        return boxOut;
    }

    private void updateLight() {
        light.acceptor(wanted != null && !boxOut && !acceptorFault, boxOut || acceptorFault);
    }

    @Override
    public DeviceHealth checkHealth() {
        DeviceHealth h = inner.checkHealth();
        if (cashBoxOut()) {
            return new DeviceHealth(h.device(), DeviceHealth.State.FAILED, "cash box out (cabinet switch); "
                    + h.detail());
        }
        return h;
    }
}
