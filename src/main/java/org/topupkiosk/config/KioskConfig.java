package org.topupkiosk.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.gpio.GpioSettings;
import org.topupkiosk.device.printer.PrinterTransport;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Symbology;

/**
 * The kiosk's settings, read once at start from kiosk.yaml by {@link ConfigLoader} and never changed while running.
 * Relative paths have already been resolved against the directory holding the config file. Units are in the names.
 */
public record KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                          Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio,
                          Counter counter, ReceiptSettings receipt, Health health, Fiscal fiscal, Fleet fleet) {

    /** Without a {@code fleet} section: no fleet agent ({@link Fleet#NONE}). */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio,
                       Counter counter, ReceiptSettings receipt, Health health, Fiscal fiscal) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile, gpio, counter,
                receipt, health, fiscal, Fleet.NONE);
    }

    /** The same configuration with another {@code fleet} section (tests, the fleet demo): every other section kept. */
    public KioskConfig withFleet(Fleet other) {
        return new KioskConfig(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile,
                gpio, counter, receipt, health, fiscal, other);
    }

    /**
     * {@code fleet}: the kiosk's agent in the fleet (issue 15, docs/operations.md "Fleet"), talking MQTT to a broker.
     *
     * @param enabled           the agent runs (default false)
     * @param broker            {@code tcp://host:port} (loopback only unless {@code allowPlain}) or {@code ssl://host:port}
     * @param allowPlain        plain tcp to a broker off this machine is allowed (default false)
     * @param kioskId           the kiosk's topic level, default {@code kiosk.id}
     * @param topicPrefix       topics live under {@code <prefix>/<kioskId>/}, default {@code topup}
     * @param secretsFile       owner-only YAML: username and password, and/or clientCert, clientKey and caFile
     * @param officeKeyFile     the office's Ed25519 public key (PEM): only commands it verifies are obeyed
     * @param stateEverySeconds the retained state is published at least this often (5..600, default 60)
     * @param cashBoxNotes      how many notes the cash box holds: the fill percentage is counted against it, and the
     *                          office is alarmed at 90 % (50..5000, default 500)
     */
    public record Fleet(boolean enabled, Optional<URI> broker, boolean allowPlain, Optional<String> kioskId,
                        String topicPrefix, Optional<Path> secretsFile, Optional<Path> officeKeyFile,
                        int stateEverySeconds, int cashBoxNotes) {
        public static final String DEFAULT_PREFIX = "topup";
        public static final int DEFAULT_STATE_EVERY = 60;
        public static final int DEFAULT_CASH_BOX_NOTES = 500;
        public static final Fleet NONE = new Fleet(false, Optional.empty(), false, Optional.empty(), DEFAULT_PREFIX,
                Optional.empty(), Optional.empty(), DEFAULT_STATE_EVERY, DEFAULT_CASH_BOX_NOTES);
    }

    /** Without a {@code fiscal} section: no fiscal register ({@link Fiscal#NONE}). */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio,
                       Counter counter, ReceiptSettings receipt, Health health) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile, gpio, counter,
                receipt, health, Fiscal.NONE, Fleet.NONE);
    }

    /** The same configuration with its journal elsewhere (tests, the chaos harness): every other section kept. */
    public KioskConfig withJournal(Journal other) {
        return new KioskConfig(kiosk, other, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile,
                gpio, counter, receipt, health, fiscal, fleet);
    }

    /** The same configuration with other devices (tests, the chaos harness): every other section kept. */
    public KioskConfig withDevices(Devices other) {
        return new KioskConfig(kiosk, journal, carrier, sales, timeouts, sync, other, ui, catalogFile, numberingFile,
                gpio, counter, receipt, health, fiscal, fleet);
    }

    /** Which fiscal register the kiosk registers its payments on; none: it prints only its own receipt. */
    public enum FiscalRegisterType { NONE, SHTRIH }

    /**
     * {@code fiscal}: the online cash register every payment is registered on (docs/fiscal.md). The passwords are never
     * here: {@code secretsFile} names an owner-only file ({@link FiscalSecrets}). Legal fields may be empty after
     * parsing; {@link ConfigLoader#load} refuses a register other than none while any is missing.
     *
     * @param register    none, or the protocol of the register
     * @param port        serial or USB-CDC device of the register; empty with {@code host} or {@code emulated}
     * @param baud        the serial line's speed
     * @param host        TCP: the register's address; empty with {@code port}
     * @param tcpPort     TCP: the register's port
     * @param secretsFile owner-only file with the operator and administrator passwords
     * @param taxSystem   the agent's tax system (tag 1055)
     * @param agent       the payment agent's details (tags 1044, 1073, 1074) and the agent's own name and INN
     * @param quietHour   local hour (0-23) at which the day's shift is closed with a Z report
     * @param emulated    the register is the built-in emulator (simulation): no port, host or secrets file needed
     */
    public record Fiscal(FiscalRegisterType register, Optional<String> port, int baud, Optional<String> host,
                         int tcpPort, Optional<Path> secretsFile, Optional<FiscalReceipt.TaxSystem> taxSystem,
                         Agent agent, int quietHour, boolean emulated) {

        public static final List<Integer> BAUDS = List.of(2400, 4800, 9600, 19200, 38400, 57600, 115200);
        public static final int DEFAULT_BAUD = 115200;
        /** The TCP port Shtrih-M registers listen on out of the box. */
        public static final int DEFAULT_TCP_PORT = 7778;
        public static final int DEFAULT_QUIET_HOUR = 4;
        public static final Fiscal NONE = new Fiscal(FiscalRegisterType.NONE, Optional.empty(), DEFAULT_BAUD,
                Optional.empty(), DEFAULT_TCP_PORT, Optional.empty(), Optional.empty(), Agent.EMPTY,
                DEFAULT_QUIET_HOUR, false);

        public boolean enabled() {
            return register != FiscalRegisterType.NONE;
        }

        /**
         * The payment agent (the kiosk's owner): name and INN as registered with the tax service, the payment agent's
         * operation (1044), its phones (1073) and the phones of the operator accepting payments (1074). Phones are
         * +7 and 10 digits.
         */
        public record Agent(Optional<String> name, Optional<String> inn, Optional<String> operation,
                            List<String> phones, List<String> operatorPhones) {
            public static final Agent EMPTY = new Agent(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(), List.of());

            public Agent {
                phones = List.copyOf(phones);
                operatorPhones = List.copyOf(operatorPhones);
            }
        }
    }

    /** Without a {@code health} section: the endpoint on its default loopback address. */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio,
                       Counter counter, ReceiptSettings receipt) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile, gpio, counter,
                receipt, Health.DEFAULTS);
    }

    /** Without a {@code receipt} section: receipts carry no lookup address. */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio,
                       Counter counter, Health health) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile, gpio, counter,
                ReceiptSettings.NONE, health);
    }

    /** Without {@code receipt} and {@code health} sections. */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio,
                       Counter counter) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile, gpio, counter,
                ReceiptSettings.NONE, Health.DEFAULTS);
    }

    /**
     * {@code receipt}: what customer receipts carry beyond the sale.
     *
     * @param lookupUrl where a customer looks a payment up: the transaction id is appended to it, and the result is
     *                  printed as the receipt's QR code and line; empty: receipts carry neither
     */
    public record ReceiptSettings(Optional<String> lookupUrl) {
        public static final ReceiptSettings NONE = new ReceiptSettings(Optional.empty());
    }

    /**
     * The loopback health endpoint ({@code /health}, {@code /metrics}; docs/operations.md, "Health and metrics").
     *
     * @param listen           where it listens; empty: {@code off}, no endpoint
     * @param allowRemote      the file allows an address other than loopback (it has no authentication)
     * @param flowStaleSeconds the flow thread counts as hung (and {@code /health} says so) after this long without a
     *                         heartbeat
     */
    public record Health(Optional<InetSocketAddress> listen, boolean allowRemote, long flowStaleSeconds) {
        /** 127.0.0.1:8780 (a literal: no look-up), loopback only, hung after 15 s. */
        public static final Health DEFAULTS = new Health(Optional.of(new InetSocketAddress("127.0.0.1", 8780)), false,
                15);
    }

    /** Without {@code gpio} and {@code counter} sections: the default wiring, kiosk mode. */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile,
                GpioSettings.DEFAULTS, Counter.NONE);
    }

    /** Without a {@code counter} section (kiosk mode). */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, GpioSettings gpio) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile, gpio,
                Counter.NONE);
    }

    /** Without a {@code gpio} section: the default wiring ({@link GpioSettings#DEFAULTS}). */
    public KioskConfig(Kiosk kiosk, Journal journal, Carrier carrier, Sales sales, Timeouts timeouts, Sync sync,
                       Devices devices, Ui ui, Path catalogFile, Path numberingFile, Counter counter) {
        this(kiosk, journal, carrier, sales, timeouts, sync, devices, ui, catalogFile, numberingFile,
                GpioSettings.DEFAULTS, counter);
    }

    /**
     * Counter terminal settings (mode: counter).
     *
     * @param cashiersFile owner-only file of the cashiers and their PIN hashes ({@code kioskctl counter set-cashier});
     *                     empty means nobody can log in
     * @param cashDrawer   a cash drawer hangs on the printer's drawer port and opens at each sale (ESC p)
     */
    public record Counter(Optional<Path> cashiersFile, boolean cashDrawer) {
        public static final Counter NONE = new Counter(Optional.empty(), false);
    }

    /** Self-service kiosk with a bill acceptor, or a counter terminal where a cashier takes the money. */
    public enum Mode { KIOSK, COUNTER }

    public enum Language { RU, EN, ZH;
        public String code() {
            return name().toLowerCase(Locale.ROOT);
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
     * @param submitWaitMs how long the submitting screen waits for the carrier's answer before it prints a pending
     *                     receipt with a claim code; never longer than {@code requestTimeoutMs} (a config problem)
     */
    public record Carrier(Adapter adapter, Simulator simulator, Optional<URI> url, Optional<Path> kioskKeyFile,
                          Optional<String> kioskKeyEnv, long connectTimeoutMs, long requestTimeoutMs,
                          long submitWaitMs, Osmp osmp) {

        /** The submit wait's default: 8 s, what the kiosk always waited before it was configurable. */
        public static final long DEFAULT_SUBMIT_WAIT_MS = 8_000;

        /** Without a {@code carrier.osmp} section. */
        public Carrier(Adapter adapter, Simulator simulator, Optional<URI> url, Optional<Path> kioskKeyFile,
                       Optional<String> kioskKeyEnv, long connectTimeoutMs, long requestTimeoutMs,
                       long submitWaitMs) {
            this(adapter, simulator, url, kioskKeyFile, kioskKeyEnv, connectTimeoutMs, requestTimeoutMs,
                    submitWaitMs, Osmp.NONE);
        }

        public Carrier(Adapter adapter, Simulator simulator, Optional<URI> url, Optional<Path> kioskKeyFile,
                       Optional<String> kioskKeyEnv, long connectTimeoutMs, long requestTimeoutMs) {
            this(adapter, simulator, url, kioskKeyFile, kioskKeyEnv, connectTimeoutMs, requestTimeoutMs,
                    Math.min(DEFAULT_SUBMIT_WAIT_MS, requestTimeoutMs));
        }
    }

    /**
     * {@code carrier.osmp}: an OSMP provider (docs/carrier-osmp.md). Secrets are never here, only the owner-only
     * files holding them.
     *
     * @param url                    the provider's OSMP endpoint; empty with the embedded simulator (its /osmp)
     * @param basicAuthFile          one line {@code user:password} for HTTP Basic, or empty
     * @param clientCertFile         the client certificate: PKCS#12, or PEM (chain and PKCS#8 key), or empty
     * @param clientCertPasswordFile the PKCS#12 password, one line, or empty
     * @param trustFile              PEM CA certificates the provider's server must chain to; empty: the JDK's CAs
     */
    public record Osmp(Optional<URI> url, Optional<Path> basicAuthFile, Optional<Path> clientCertFile,
                       Optional<Path> clientCertPasswordFile, Optional<Path> trustFile) {

        public static final Osmp NONE = new Osmp(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

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
     * @param baud      serial transport: the printer's line speed (one of {@link #BAUDS})
     */
    public record Printer(PrinterType type, Optional<PrinterTransport> transport, int columns, boolean gb18030,
                          int baud) {
        /** Line speeds serial receipt printers are set to (DIP switches or the maker's utility); 8N1 at all of them. */
        public static final List<Integer> BAUDS = List.of(9600, 19200, 38400, 57600, 115200);
        public static final int DEFAULT_BAUD = 115200;

        public Printer(PrinterType type, Optional<PrinterTransport> transport, int columns, boolean gb18030) {
            this(type, transport, columns, gb18030, DEFAULT_BAUD);
        }
    }

    /**
     * The SIM card reader ("find my number").
     *
     * @param enabled       false: no reader is opened at all
     * @param reader        PC/SC reader name, or a part of it (case-insensitive); empty takes the first reader
     * @param simulated     true: the card is the emulator's virtual SIM, inserted through vsmartcard's vpcd into pcscd
     *                      (or, without pcscd, straight into an in-memory slot)
     * @param virtualCard   simulation: the virtual SIM profile inserted by default (gsm-with-number, usim-no-number...)
     * @param vpcdPort      simulation: vpcd's TCP port on 127.0.0.1 (35963 is reader "Virtual PCD 00 00")
     * @param readTimeoutMs how long reading one card may take before it counts as mute
     */
    public record SimReader(boolean enabled, String reader, boolean simulated, String virtualCard, int vpcdPort,
                            long readTimeoutMs) {
        public static final SimReader DISABLED = new SimReader(false, "", false, "usim-no-number", 35963, 5_000);
    }

    public record Devices(BillAcceptor billAcceptor, Printer printer, SimReader sim, Scanner scanner) {
        /** Without a SIM reader or a scanner: what every config written before them means. */
        public Devices(BillAcceptor billAcceptor, Printer printer) {
            this(billAcceptor, printer, SimReader.DISABLED, Scanner.none());
        }

        public Devices(BillAcceptor billAcceptor, Printer printer, SimReader sim) {
            this(billAcceptor, printer, sim, Scanner.none());
        }

        public Devices(BillAcceptor billAcceptor, Printer printer, Scanner scanner) {
            this(billAcceptor, printer, SimReader.DISABLED, scanner);
        }
    }

    /** none: no scanner; emulator: the serial driver against the scanner emulator (simulation); the rest are real. */
    public enum ScannerType { NONE, EMULATOR, SERIAL, WEDGE, CAMERA }

    /** What a serial or wedge scanner sends after each code (device.scanner.ScanSuffix by the same names). */
    public enum ScannerSuffix { CR, LF, CRLF, TAB, NONE }

    /** A camera's region of interest as fractions of the frame. */
    public record Region(double x, double y, double width, double height) {
        public static final Region FULL = new Region(0, 0, 1, 1);
    }

    /**
     * The code scanner (see docs/scanner-codes.md). Keys that do not apply to the type keep their defaults.
     *
     * @param port            serial: the scanner's port (/dev/ttyACM0, /dev/ttyUSB0, COM3)
     * @param baud            serial: line speed, 8N1
     * @param suffix          serial, wedge: what the scanner sends after a code
     * @param idleGapMs       serial: quiet time that ends a code (suffix none) or drops a fragment (any other)
     * @param aimIds          serial, wedge: the scanner prefixes AIM symbology identifiers ("]C0")
     * @param formats         camera: the families ZXing looks for (emulator and kioskctl: the same list)
     * @param roi             camera: where in the frame codes are held up
     * @param camera          camera: a V4L2 device read as MJPEG through v4l2-ctl
     * @param framesPath      camera: an image file or a directory of frames instead of a camera
     * @param maxKeyGapMs     wedge: longest pause between two keys of one scan
     * @param minLength       wedge: shortest code that counts as a scan
     * @param prefix          wedge: characters the scanner sends first ("" for none)
     * @param sameCodeQuietMs the same code is not read again until it has been out of sight this long
     */
    public record Scanner(ScannerType type, Optional<String> port, int baud, ScannerSuffix suffix, long idleGapMs,
                          boolean aimIds, List<Symbology> formats, Region roi, Optional<String> camera,
                          Optional<Path> framesPath, long maxKeyGapMs, int minLength, String prefix,
                          long sameCodeQuietMs) {
        public Scanner {
            formats = List.copyOf(formats);
        }

        public static final List<Symbology> VOUCHER_FORMATS =
                List.of(Symbology.QR_CODE, Symbology.CODE_128, Symbology.EAN_13);

        public static Scanner none() {
            return new Scanner(ScannerType.NONE, Optional.empty(), 9600, ScannerSuffix.CR, 50, false,
                    VOUCHER_FORMATS, Region.FULL, Optional.empty(), Optional.empty(), 35, 6, "", 2000);
        }
    }

    public enum Orientation { PORTRAIT, LANDSCAPE }

    /** @param servicePinHashFile file with the hash of the service-menu PIN; empty means the service menu stays locked */
    public record Ui(Orientation orientation, boolean fullScreen, Optional<Path> servicePinHashFile) {}
}
