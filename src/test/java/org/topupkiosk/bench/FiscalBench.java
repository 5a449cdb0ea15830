package org.topupkiosk.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.fiscal.EmulatedRegister;
import org.topupkiosk.device.emulator.fiscal.FiscalStorage;
import org.topupkiosk.device.emulator.fiscal.ReceiptPaper;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihPasswords;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.fiscal.FiscalReceipts;
import org.topupkiosk.flow.fiscal.FiscalTestSettings;

/**
 * Issue 13's budget: the time from Pay to the last byte of the fiscal receipt, at 9600 and at 115200 baud. The real
 * driver registers a top-up receipt (item with the agent's and supplier's tags, the fee as its own item) on the
 * emulated Shtrih-M register over an in-memory line that holds every byte for its time on a serial wire (8N1: 10
 * bits a byte, both directions), so what is measured is the protocol's round trips and bytes at that speed; the
 * emulator answers at once (a real register also prints, which its own paper speed decides). The fiscal registration
 * comes before the kiosk's own receipt, so this is what fiscal registration adds to a sale: budget at most 1.5 s at
 * 115200. Prints name=value lines (medians over the receipts) for scripts/bench.
 *
 * <p>Usage: {@code FiscalBench [receipts]} (default 20).
 */
public final class FiscalBench {

    private FiscalBench() {}

    public static void main(String[] args) throws Exception {
        int receipts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int baud : new int[] {9600, 115200}) {
            Result r = run(baud, receipts);
            System.out.println("fiscal_pay_to_last_byte_ms_at_" + baud + "=" + r.medianMs);
            System.out.println("fiscal_wire_bytes_at_" + baud + "=" + r.bytesPerReceipt);
            if (baud == 115200) {
                System.out.println("fiscal_budget_ms_at_115200=1500");
                System.out.println("fiscal_budget_ok=" + (r.medianMs <= 1500));
            }
        }
    }

    private record Result(long medianMs, long bytesPerReceipt) {}

    private static Result run(int baud, int receipts) throws Exception {
        byte[] key = new byte[32];
        FiscalStorage fn = FiscalStorage.inMemory("9999078900012345", LocalDate.now().plusYears(1), key, 250_000);
        ShtrihEmulator emulator = new ShtrihEmulator(new EmulatedRegister(fn, Clock.systemDefaultZone(),
                new ReceiptPaper(null), 30, 30), 1);
        MemoryLink[] pair = MemoryLink.pair("fiscal-bench");
        AtomicLong bytes = new AtomicLong();
        emulator.serve(new Wire(pair[1], baud, bytes));
        ShtrihFiscalRegister register = new ShtrihFiscalRegister(new Wire(pair[0], baud, bytes),
                ShtrihLink.Settings.DEFAULT, ShtrihPasswords.FACTORY);
        register.start();
        register.openShift("bench");
        Msisdn msisdn = ((Msisdn.Valid) Msisdn.parse("9161234567")).msisdn();
        FiscalReceipt receipt = FiscalReceipts.sale(FiscalTestSettings.SETTINGS, FiscalReceipts.topUpItem(msisdn),
                "mts", 58_800, 1_200, 60_000);
        register.register(receipt); // warm-up: class loading and the first answers
        List<Long> ms = new ArrayList<>();
        long before = bytes.get();
        for (int i = 0; i < receipts; i++) {
            long t0 = System.nanoTime();
            register.register(receipt);
            ms.add((System.nanoTime() - t0) / 1_000_000);
        }
        long perReceipt = (bytes.get() - before) / receipts;
        register.close();
        emulator.stop();
        Collections.sort(ms);
        return new Result(ms.get(ms.size() / 2), perReceipt);
    }

    /** One end of the line, holding each write for its time on a serial wire at {@code baud}. */
    private static final class Wire implements SerialLink {
        private final SerialLink link;
        private final int baud;
        private final AtomicLong bytes;

        Wire(SerialLink link, int baud, AtomicLong bytes) {
            this.link = link;
            this.baud = baud;
            this.bytes = bytes;
        }

        @Override
        public void open() throws DeviceException {
            link.open();
        }

        @Override
        public boolean isOpen() {
            return link.isOpen();
        }

        @Override
        public void write(byte[] data) throws DeviceException {
            LockSupport.parkNanos(data.length * 10L * 1_000_000_000L / baud);
            bytes.addAndGet(data.length);
            link.write(data);
        }

        @Override
        public int read(byte[] buffer, int timeoutMs) throws DeviceException {
            return link.read(buffer, timeoutMs);
        }

        @Override
        public void discardInput() throws DeviceException {
            link.discardInput();
        }

        @Override
        public String name() {
            return link.name() + "@" + baud;
        }

        @Override
        public void close() {
            link.close();
        }
    }
}
