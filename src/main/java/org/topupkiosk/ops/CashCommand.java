package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.topupkiosk.device.cash.AcceptorIdentity;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.cash.ccnet.CcnetBillAcceptor;
import org.topupkiosk.device.cash.id003.Id003BillAcceptor;
import org.topupkiosk.device.cash.id003.Id003Denominations;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl cash ...}: the technician's tools for the bill acceptor. */
@Command(name = "cash", description = "Bill acceptor diagnostics.", mixinStandardHelpOptions = true,
        subcommands = CashCommand.Test.class)
public final class CashCommand extends CommandGroup {

    public enum Protocol { ccnet, id003 }

    /**
     * Talks to the unit directly, without the kiosk: identifies it, prints its bill table, enables every note, stacks
     * whatever is inserted and prints each event, then {@code total=<amount> RUB bills=<count>}. Run it with the kiosk
     * stopped: two programs cannot share a serial port. Exit 0, or 1 when the unit does not answer.
     */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Identify the unit, print its bill table, accept notes for a while and print each event.")
    static final class Test extends KioskctlCommand {

        @Option(names = "--port", required = true, description = "Serial device, e.g. /dev/ttyUSB0 or /dev/pts/3.")
        String port;

        @Option(names = "--protocol", defaultValue = "ccnet", description = "ccnet or id003 (default: ${DEFAULT-VALUE}).")
        Protocol protocol;

        @Option(names = "--escrow-notes", split = ",", paramLabel = "RUB",
                description = "id003 only: roubles of escrow codes 0x61, 0x62, ..., used only when the unit does not"
                        + " report its own note table (CURRENCY ASSIGN).")
        List<Long> escrowNotes;

        @Option(names = "--seconds", defaultValue = "60", description = "How long to accept notes (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("kioskctl-cash");
            AtomicLong total = new AtomicLong();
            AtomicInteger bills = new AtomicInteger();
            try (BillAcceptor acceptor = open(scratch)) {
                if (acceptor == null) {
                    out.println("cash test: protocol " + protocol + " has no driver in this build yet");
                    out.flush();
                    return 2;
                }
                acceptor.start(e -> print(out, acceptor, e, total, bills));
                AcceptorIdentity info = (AcceptorIdentity) acceptor;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(10, seconds + 4));
                while (info.identity().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (info.identity().isEmpty()) {
                    line(out, "unit did not answer on " + port + " (" + protocol + "): " + acceptor.checkHealth().detail());
                    return 1;
                }
                AcceptorIdentity.Identity id = info.identity().get();
                line(out, "unit protocol=" + protocol + " port=" + port + " part=" + id.part() + " serial=" + id.serial());
                for (Money note : info.denominations()) {
                    line(out, "bill-table note=" + note.wholeUnits() + " " + note.currency());
                }
                acceptor.enable(Set.copyOf(info.denominations()));
                line(out, "accepting all notes for " + seconds + " s");
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                acceptor.disable();
                Thread.sleep(300);
            } finally {
                deleteTree(scratch);
            }
            line(out, "total=" + Money.rubMinor(total.get()).plain() + " bills=" + bills.get());
            return 0;
        }

        private BillAcceptor open(Path scratch) {
            if (protocol == Protocol.ccnet) {
                return new CcnetBillAcceptor(new JSerialCommLink(port, SerialSettings.CCNET),
                        new PendingNotes(scratch, "test"), PollSettings.DEFAULTS);
            }
            if (protocol == Protocol.id003) {
                // The driver reads the note table from the unit and prints it; --escrow-notes only stands in for a
                // unit that cannot report it.
                Id003Denominations notes = escrowNotes == null || escrowNotes.isEmpty() ? null
                        : Id003Denominations.inCodeOrder(escrowNotes.stream().map(Money::rub).toList());
                return new Id003BillAcceptor(new JSerialCommLink(port, SerialSettings.ID003),
                        new PendingNotes(scratch, "test"), PollSettings.DEFAULTS, notes);
            }
            return null;
        }

        private static void print(PrintWriter out, BillAcceptor acceptor, BillEvent e, AtomicLong total,
                                  AtomicInteger bills) {
            if (e instanceof BillEvent.Escrowed x) {
                line(out, "escrow " + x.amount().plain() + ": stacking");
                acceptor.stack();
            } else if (e instanceof BillEvent.Stacked x) {
                total.addAndGet(x.amount().minor());
                bills.incrementAndGet();
                line(out, "stacked " + x.amount().plain() + " note=" + x.noteId());
                acceptor.acknowledge(x.noteId());
            } else if (e instanceof BillEvent.Returned x) {
                line(out, "returned " + x.amount().plain());
            } else if (e instanceof BillEvent.Rejected x) {
                line(out, "rejected reason=" + x.reason());
            } else if (e instanceof BillEvent.PowerUpWithBill x) {
                line(out, "power-up with a bill in the " + x.where().name().toLowerCase(Locale.ROOT)
                        + " amount=" + (x.amount() == null ? "unknown" : x.amount().plain()));
                if (x.amount() != null) {
                    acceptor.acknowledge(x.noteId());
                }
            } else if (e instanceof BillEvent.Fault x) {
                line(out, "fault code=" + x.code() + (x.outOfService() ? " out-of-service" : ""));
            } else if (e instanceof BillEvent.Recovered) {
                line(out, "recovered");
            }
        }

        private static void line(PrintWriter out, String text) {
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
