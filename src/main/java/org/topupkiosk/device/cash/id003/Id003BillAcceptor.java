package org.topupkiosk.device.cash.id003;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.cash.PolledBillAcceptor;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * A JCM ID003 bill acceptor behind the {@link BillAcceptor} port, in the same shape as the CCNET driver: one poller
 * thread owns the line and runs the flow's commands (enable, stack, return, acknowledge) in order between status
 * requests. Start-up asks for the status before it resets, so a VEND VALID the acceptor still holds from before a crash
 * is seen and acknowledged, then reads the version and the unit's note table (CURRENCY ASSIGN, 0x8A; see
 * {@link Id003Denominations}) and sets the enabled notes. On VEND VALID the note is written to
 * {@link PendingNotes} before the ACK and before the flow hears of it. Timing is the shared
 * {@link PollSettings}: both protocols poll the same way.
 */
public final class Id003BillAcceptor extends PolledBillAcceptor {

    private static final Logger log = LoggerFactory.getLogger(Id003BillAcceptor.class);
    /** Configured table for a unit that cannot report its own, or null. */
    private final Id003Denominations configured;
    private final Id003Link link;
    private final Id003Machine machine = new Id003Machine(null);
    /** The unit's note table, read at each initialization. */
    private volatile Id003Denominations table;

    /**
     * @param configured the note table to use when the unit does not answer CURRENCY ASSIGN (older firmware), or null:
     *                   then such a unit is not used, since a guessed table would mis-value notes
     */
    public Id003BillAcceptor(SerialLink port, PendingNotes pending, PollSettings settings,
                             Id003Denominations configured) {
        super("id003", port, pending, settings, Id003Frame.STACK_1, Id003Frame.RETURN);
        this.configured = configured;
        this.link = new Id003Link(port, (int) settings.responseTimeout().toMillis(), settings.retries());
    }

    /** A driver that takes the note table from the unit only. */
    public Id003BillAcceptor(SerialLink port, PendingNotes pending, PollSettings settings) {
        this(port, pending, settings, null);
    }

    @Override
    protected boolean noteOnItsWay() {
        return machine.previous() != null && machine.previous().state() == Id003State.STACKING;
    }

    @Override
    protected void reset() throws DeviceException {
        link.command(Id003Frame.RESET);
        machine.forget();
    }

    /** The version and the unit's note table. */
    @Override
    protected void identify() throws DeviceException {
        Id003Frame version = link.command(Id003Frame.VERSION_REQUEST);
        Identity id = parseIdentity(version.data());
        Id003Denominations t = readTable();
        if (t.known().isEmpty()) {
            throw badTable("no note in the unit's table");
        }
        table = t;
        machine.table(t);
        identity = id; // published last: whoever sees the identity also sees the table
        log.info("id003 acceptor on {}: version={} notes={}", port.name(), id.part(),
                t.known().stream().map(m -> m.plain() + "@" + Integer.toHexString(t.code(m))).toList());
    }

    /**
     * CURRENCY ASSIGN: the note behind each escrow code, from the unit. A unit that refuses the request, or answers
     * with data this build cannot read, falls back to the configured table, or is not used.
     */
    private Id003Denominations readTable() throws DeviceException {
        String problem;
        try {
            Id003Frame reply = link.command(Id003Frame.CURRENCY_ASSIGN_REQUEST);
            if (reply.command() == Id003Frame.CURRENCY_ASSIGN_REQUEST) {
                Id003Denominations t = Id003Denominations.parse(reply.data());
                if (configured != null && !configured.known().equals(t.known())) {
                    log.warn("id003 unit reports notes {}, configuration lists {}: using the unit's", t.known(),
                            configured.known());
                }
                return t;
            }
            problem = String.format("answered 0x%02x", reply.command());
        } catch (IllegalArgumentException e) {
            problem = "sent a table this build cannot read (" + e.getMessage() + ")";
        } catch (DeviceException e) {
            if (e.code() != DeviceException.Code.FAILURE) {
                throw e; // the line, not the unit: try again later
            }
            problem = "refused the request";
        }
        if (configured != null) {
            log.warn("id003 unit {} to CURRENCY ASSIGN: using the configured note table {}", problem,
                    configured.known());
            return configured;
        }
        throw badTable("the id003 unit " + problem
                + " to CURRENCY ASSIGN (0x8A) and devices.billAcceptor.escrowNotes is not set");
    }

    @Override
    protected void poll() throws DeviceException {
        link.status(reply -> {
            for (Id003Machine.Signal s : machine.onStatus(Id003Status.parse(reply))) {
                handle(s);
            }
        });
    }

    /**
     * Runs inside the status request, before the ACK of VEND VALID: the note is on disk before the acceptor moves on.
     */
    private void handle(Id003Machine.Signal s) throws DeviceException {
        if (s instanceof Id003Machine.Signal.Emit e) {
            deviceEvent(e.event());
        } else if (s instanceof Id003Machine.Signal.NoteStacked n) {
            // No ACK without the record: the acceptor keeps reporting VEND VALID and we try again next poll.
            notes.stacked(n.amount(), () -> machine.vendNotRecorded(n.amount()));
        } else if (s instanceof Id003Machine.Signal.UnknownStacked) {
            notes.stackedUnvalued(machine::forget, "VEND VALID for a note never seen in escrow");
        } else if (s instanceof Id003Machine.Signal.PoweredUp p) {
            deviceRestarted();
            notes.poweredUp(p.where());
            initialized = false;
        } else if (s instanceof Id003Machine.Signal.UnknownInEscrow u) {
            log.warn("escrow code 0x{} is not in the denomination table: returning it",
                    Integer.toHexString(u.escrowCode()));
            returnUnknownNote();
        }
    }

    @Override
    protected void writeEnable() throws DeviceException {
        link.command(Id003Frame.SET_ENABLE, table.inhibitMask(wanted));
        // 0xC3: 00 accepts, 01 inhibits the whole acceptor (ID-003 "inhibit" setting).
        link.command(Id003Frame.SET_INHIBIT, (byte) (wanted.isEmpty() ? 1 : 0));
    }

    @Override
    protected void sendCommand(int command) throws DeviceException {
        link.command(command);
    }

    @Override
    protected Optional<Money> noteInEscrow() {
        return machine.inEscrow();
    }

    /**
     * VERSION REQUEST answers with ASCII text naming model, country and firmware. We found no serial-number request
     * in the public command set we could confirm, so the serial is reported as unknown rather than guessed.
     */
    static Identity parseIdentity(byte[] data) {
        String text = new String(data, StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7E]", " ").strip();
        return new Identity(text.isEmpty() ? "unknown" : text, "unknown");
    }

    /** The notes of the unit's table, as read at the last initialization. */
    @Override
    public List<Money> denominations() {
        Id003Denominations t = table;
        return t == null ? List.of() : t.known();
    }

    @Override
    protected Id003Link link() {
        return link;
    }
}
