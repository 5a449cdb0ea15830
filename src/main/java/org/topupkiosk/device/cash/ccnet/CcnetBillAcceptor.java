package org.topupkiosk.device.cash.ccnet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.cash.PolledBillAcceptor;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * A CashCode CCNET bill validator behind the {@link BillAcceptor} port. One poller thread owns the line: it runs the
 * flow's commands (enable, stack, return, acknowledge) in the order they came, between polls. Start-up polls before
 * it resets, so a "stacked" the device still holds from before a crash is seen, then reads identification and the
 * bill table. A stacked note is written to {@link PendingNotes} before the device gets its ACK and before the flow
 * hears of it; see {@link #start}.
 */
public final class CcnetBillAcceptor extends PolledBillAcceptor {

    private static final Logger log = LoggerFactory.getLogger(CcnetBillAcceptor.class);
    private final CcnetLink link;
    private final CcnetMachine machine = new CcnetMachine(null);
    private volatile BillTable table;

    /** The note last reported in escrow, so STACK can be remembered with its amount. */
    private Money inEscrow;

    public CcnetBillAcceptor(SerialLink port, PendingNotes pending, PollSettings settings) {
        super("ccnet", port, pending, settings, CcnetCommand.STACK, CcnetCommand.RETURN);
        this.link = new CcnetLink(port, CcnetFrame.BILL_VALIDATOR, (int) settings.responseTimeout().toMillis(),
                settings.retries());
    }

    @Override
    protected boolean noteOnItsWay() {
        CcnetStatus s = machine.previous();
        return s != null && (s.state() == CcnetState.STACKING || s.state() == CcnetState.RETURNING);
    }

    @Override
    protected void reset() throws DeviceException {
        link.request(CcnetCommand.RESET);
        machine.forget();
    }

    /** Identification and the bill table. */
    @Override
    protected void identify() throws DeviceException {
        Identity id = parseIdentity(link.request(CcnetCommand.IDENTIFICATION, new byte[0], null));
        BillTable t;
        try {
            t = BillTable.parse(link.request(CcnetCommand.GET_BILL_TABLE, new byte[0], null));
        } catch (IllegalArgumentException e) {
            throw badTable(e.getMessage());
        }
        if (t.known().isEmpty()) {
            throw badTable("no rouble note in the bill table");
        }
        table = t;
        machine.table(t);
        identity = id; // published last: whoever sees the identity also sees the table
        log.info("ccnet validator on {}: part={} serial={} notes={}", port.name(), id.part(), id.serial(),
                t.known().stream().map(e -> e.amount().plain() + "@" + e.billType()).toList());
    }

    @Override
    protected void poll() throws DeviceException {
        link.request(CcnetCommand.POLL, new byte[0], payload -> {
            for (CcnetMachine.Signal s : machine.onStatus(CcnetStatus.parse(payload))) {
                handle(s);
            }
        });
    }

    /** Runs inside the poll, before the ACK: a stacked note is on disk before the device may forget it. */
    private void handle(CcnetMachine.Signal s) throws DeviceException {
        if (s instanceof CcnetMachine.Signal.Emit e) {
            if (e.event() instanceof BillEvent.Escrowed x) {
                inEscrow = x.amount();
            } else if (e.event() instanceof BillEvent.Returned) {
                inEscrow = null;
            }
            deviceEvent(e.event());
        } else if (s instanceof CcnetMachine.Signal.NoteStacked n) {
            if (notes.stackedBeforeTheRestart()) {
                return;
            }
            inEscrow = null;
            // No ACK without the record: the device keeps reporting the note and we try again next poll.
            notes.stacked(n.amount(), machine::forget);
        } else if (s instanceof CcnetMachine.Signal.UnvaluedStacked u) {
            notes.stackedUnvalued(machine::forget,
                    "bill type " + u.billType() + " stacked before the bill table was read");
        } else if (s instanceof CcnetMachine.Signal.PoweredUp p) {
            inEscrow = null;
            deviceRestarted();
            notes.poweredUp(p.where());
            initialized = false;
        } else if (s instanceof CcnetMachine.Signal.UnknownInEscrow u) {
            log.warn("bill type {} in escrow is not in the table: returning it", u.billType());
            returnUnknownNote();
        }
    }

    @Override
    protected void writeEnable() throws DeviceException {
        byte[] mask = table.mask(wanted);
        // Escrow for every enabled type: the flow decides each note (stack or return) before it is taken.
        byte[] data = {mask[0], mask[1], mask[2], mask[0], mask[1], mask[2]};
        link.request(CcnetCommand.ENABLE_BILL_TYPES, data, null);
    }

    @Override
    protected void sendCommand(int command) throws DeviceException {
        link.request(command);
    }

    @Override
    protected Optional<Money> noteInEscrow() {
        return Optional.ofNullable(inEscrow);
    }

    static Identity parseIdentity(byte[] payload) {
        // IDENTIFICATION: part number 15 bytes, serial number 12 bytes, asset number 7 bytes (CCNET description).
        String part = ascii(payload, 0, 15);
        String serial = ascii(payload, 15, 12);
        return new Identity(part, serial);
    }

    private static String ascii(byte[] b, int from, int n) {
        if (b.length < from + n) {
            return "";
        }
        return new String(b, from, n, StandardCharsets.US_ASCII).strip();
    }

    @Override
    public List<Money> denominations() {
        BillTable t = table;
        return t == null ? List.of() : t.known().stream().map(BillTable.Entry::amount).toList();
    }

    @Override
    protected CcnetLink link() {
        return link;
    }
}
