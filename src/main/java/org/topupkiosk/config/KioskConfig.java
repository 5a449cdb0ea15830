package org.topupkiosk.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/**
 * The kiosk's settings, read once at start from kiosk.yaml by {@link ConfigLoader} and never changed while running.
 * Relative paths have already been resolved against the directory holding the config file. Units are in the names.
 */
public record KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                          Devices devices, Ui ui, Path catalogFile, Path numberingFile) {

    /** Self-service kiosk with a bill acceptor, or a counter terminal where a cashier takes the money. */
    public enum Mode { KIOSK, COUNTER }

    public enum Language { RU, EN, ZH;
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param id short terminal id printed on receipts and sent to the carrier ("0042") */
    public record Kiosk(String id, String address, Optional<String> supportPhone, Mode mode, Language defaultLanguage) {}

    public record Journal(Path path) {}

    public enum Adapter { REST, OSMP }

    /** EMBEDDED starts the carrier simulator in-process on 127.0.0.1; NONE talks to {@link Carrier#url()}. */
    public enum Simulator { EMBEDDED, NONE }

    /**
     * Where and how the carrier backend is reached. The HMAC key itself is never here: only where it comes from.
     *
     * @param url          the backend, empty with the embedded simulator (it picks its own port)
     * @param kioskKeyFile file holding the key (chmod 600), or empty
     * @param kioskKeyEnv  name of the environment variable holding the key, or empty
     */
    public record Carrier(Adapter adapter, Simulator simulator, Optional<URI> url, Optional<Path> kioskKeyFile,
                          Optional<String> kioskKeyEnv, long connectTimeoutMs, long requestTimeoutMs) {}

    /**
     * @param offlineLimit   the most money that may wait in the outbox while the carrier is unreachable
     * @param orderCashLimit the most cash one order may take
     * @param acceptedNotes  bill denominations the acceptor is enabled for, ascending
     */
    public record Sales(boolean offlineSalesAllowed, Money offlineLimit, Money orderCashLimit,
                        List<Money> acceptedNotes) {}

    public record Timeouts(long inactivityWarningSeconds, long inactivityCountdownSeconds, long carrierCheckSeconds) {}

    public record Sync(long initialBackoffMs, long maxBackoffMs, int batchSize) {}

    public enum BillAcceptorType { EMULATOR, CCNET, ID003 }

    /**
     * @param port        serial device ("/dev/ttyUSB0", "COM3"); empty for the emulator
     * @param escrowNotes ID003 only: the note behind each escrow code, from 0x61 on, for a unit whose firmware does not
     *                    report its table (CURRENCY ASSIGN); empty: the table is read from the unit, as CCNET does.
     */
    public record BillAcceptor(BillAcceptorType type, Optional<String> port, List<Money> escrowNotes) {
        public BillAcceptor {
            escrowNotes = List.copyOf(escrowNotes);
        }

        public BillAcceptor(BillAcceptorType type, Optional<String> port) {
            this(type, port, List.of());
        }
    }

    public enum PrinterType { EMULATOR, ESCPOS }

    /**
     * @param transport how bytes reach the printer; empty for the emulator
     * @param gb18030   the printer has Chinese firmware (GB18030 in FS &amp; mode); false prints Chinese as raster lines
     */
    public record Printer(PrinterType type, Optional<PrinterTransport> transport, int columns, boolean gb18030) {}

    public record Devices(BillAcceptor billAcceptor, Printer printer) {}

    public enum Orientation { PORTRAIT, LANDSCAPE }

    /** @param servicePinHashFile file with the hash of the service-menu PIN; empty means the service menu stays locked */
    public record Ui(Orientation orientation, boolean fullScreen, Optional<Path> servicePinHashFile) {}
}
