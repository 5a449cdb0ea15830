package org.topupkiosk.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.ObservedBillAcceptor;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.cash.ccnet.CcnetBillAcceptor;
import org.topupkiosk.device.cash.id003.Id003BillAcceptor;
import org.topupkiosk.device.cash.id003.Id003Denominations;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.emulator.scanner.CodeFeeder;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.emulator.sim.VirtualSimRig;
import org.topupkiosk.device.gpio.CabinetSimulator;
import org.topupkiosk.device.gpio.CashBoxGuard;
import org.topupkiosk.device.gpio.GpioSettings;
import org.topupkiosk.device.gpio.GpioStartup;
import org.topupkiosk.device.gpio.KioskGpio;
import org.topupkiosk.device.gpio.MemoryPins;
import org.topupkiosk.device.gpio.StatusLightPolicy;
import org.topupkiosk.device.gpio.ThreadGpioScheduler;
import org.topupkiosk.device.printer.ReceiptPrinter;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.PrinterLink;
import org.topupkiosk.device.printer.escpos.PrinterLinks;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.device.scanner.CodeScanner;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimCardReader;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimSlotReader;
import org.topupkiosk.flow.TopUpFlow;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.SimControl;
import org.topupkiosk.journal.Journal;

/**
 * The kiosk's devices as the configuration names them: the bill acceptor (behind the cabinet's cash-box switch where
 * there is GPIO), the receipt printer, the code scanner and the SIM reader; in simulation each real driver talks to its
 * wire-level emulator. Built once by {@link KioskCore}, which owns and closes them.
 */
final class KioskDevices {

    private static final Logger log = LoggerFactory.getLogger(KioskDevices.class);

    /** Takes a resource into the core's keeping: closed, in reverse order, when the core closes. */
    interface Owner {
        <T extends AutoCloseable> T own(T resource);
    }

    private final Owner owner;
    private final Path varDir;
    private final Journal journal;
    final ObservedBillAcceptor acceptor;
    final ReceiptPrinter printer;
    final Optional<CodeScanner> scanner;
    final Optional<CodeFeeder> scanFeeder;
    final SimCardReader simReader;
    CcnetEmulator billEmulator;
    EscPosPrinterEmulator printerEmulator;
    VirtualSimRig simRig;
    KioskGpio gpio;
    CabinetSimulator cabinet;
    private CashBoxGuard cashBoxGuard;
    private StatusLightPolicy statusLight;

    KioskDevices(KioskConfig cfg, Path configFile, Path varDir, PollSettings acceptorTiming, Journal journal,
                 Owner owner) throws ConfigException {
        this.owner = owner;
        this.varDir = varDir;
        this.journal = journal;
        // Observed outermost, so the service menu's acceptor test sees what the flow sees (the cash-box guard too).
        this.acceptor = owner.own(new ObservedBillAcceptor(withCabinet(cfg,
                billAcceptor(cfg, configFile, acceptorTiming))));
        this.printer = owner.own(printer(cfg, configFile));
        this.simReader = simReader(cfg.devices().sim());
        ScannerFactory.Built scan = ScannerFactory.build(cfg.devices().scanner(), configFile);
        this.scanner = scan.scanner();
        this.scanFeeder = scan.feeder();
        // Started disarmed: the flow sets the listener and arms it on the screens that take a code.
        scanner.ifPresent(sc -> owner.own(sc).start());
    }

    /**
     * GPIO (door, cash box, light, relay), when this machine has it: on a Pi, or simulated beside the emulated
     * acceptor. With GPIO the acceptor sits behind the cash-box switch. A Pi whose GPIO fails to open runs without it
     * (logged as an error) unless the config says {@code gpio.enabled: on}.
     */
    private BillAcceptor withCabinet(KioskConfig cfg, BillAcceptor raw) {
        GpioSettings gc = cfg.gpio();
        boolean simulation = cfg.devices().billAcceptor().type() == KioskConfig.BillAcceptorType.EMULATOR;
        GpioStartup.Decision decision = GpioStartup.decide(gc.enabled(), simulation,
                GpioStartup.raspberryPiModel(GpioStartup.DEVICE_TREE_MODEL));
        if (decision.kind() == GpioStartup.Kind.OFF) {
            GpioStartup.create(decision, gc, null, null);
            return raw;
        }
        ThreadGpioScheduler scheduler = owner.own(new ThreadGpioScheduler());
        try {
            gpio = owner.own(GpioStartup.create(decision, gc, scheduler, (kind, json) -> journal.audit(kind, null, json)));
        } catch (RuntimeException e) {
            if (gc.enabled() == GpioSettings.Enabled.ON) {
                throw new IllegalStateException("GPIO could not be opened (gpio.enabled: on): " + e.getMessage(), e);
            }
            log.error("GPIO could not be opened; running without door and cash-box switches", e);
            return raw;
        }
        if (gpio.pins() instanceof MemoryPins pins) {
            cabinet = new CabinetSimulator(pins::drive, gc);
            cabinet.normal();
        }
        statusLight = new StatusLightPolicy(gpio.light()::set);
        cashBoxGuard = new CashBoxGuard(raw, statusLight);
        return cashBoxGuard;
    }

    /** The flow hears a switch before the guard turns it into an acceptor fault: the journal reads cause, effect. */
    void startGpio(TopUpFlow flow) {
        if (gpio == null) {
            return;
        }
        gpio.addListener(flow::cabinetEvent);
        gpio.addListener(cashBoxGuard::onCabinetEvent);
        flow.subscribe(s -> statusLight.kiosk(s.screen() == Screen.SERVICE_LOCK
                || s.screen() == Screen.OUT_OF_SERVICE));
        try {
            gpio.claim();
            gpio.enable();
        } catch (DeviceException e) {
            log.error("GPIO could not be enabled", e);
        }
    }

    /**
     * The bill acceptor driver. Simulation mode ({@code type: emulator}) runs the real CCNET driver against the
     * wire-level emulator over an in-memory line, so the demo exercises the protocol code the kiosk ships with.
     */
    private BillAcceptor billAcceptor(KioskConfig cfg, Path configFile, PollSettings timing)
            throws ConfigException {
        KioskConfig.BillAcceptor bc = cfg.devices().billAcceptor();
        PendingNotes pending = new PendingNotes(varDir.resolve("devices/bill-acceptor/pending"),
                bc.type().name().toLowerCase(Locale.ROOT));
        switch (bc.type()) {
            case EMULATOR -> {
                MemoryLink[] line = MemoryLink.pair("bill-acceptor");
                billEmulator = owner.own(new CcnetEmulator(CcnetEmulator.RUB_TABLE, LineNoise.NONE, System.nanoTime()));
                billEmulator.serve(line[1]);
                return new CcnetBillAcceptor(line[0], pending, timing);
            }
            case CCNET -> {
                return new CcnetBillAcceptor(new JSerialCommLink(bc.port().orElseThrow(), SerialSettings.CCNET),
                        pending, timing);
            }
            case ID003 -> {
                // The driver reads the note table from the unit; the configured one is for units that cannot report.
                Id003Denominations notes = bc.escrowNotes().isEmpty() ? null
                        : Id003Denominations.inCodeOrder(bc.escrowNotes());
                return new Id003BillAcceptor(new JSerialCommLink(bc.port().orElseThrow(), SerialSettings.ID003),
                        pending, timing, notes);
            }
            default -> throw new ConfigException(configFile, "devices.billAcceptor.type", "'"
                    + bc.type().name().toLowerCase(Locale.ROOT)
                    + "' has no driver in this build (expected emulator, ccnet or id003)");
        }
    }

    /**
     * The real ESC/POS driver in both modes: over the configured transport, or in simulation over an in-memory link to
     * the printer emulator, which renders receipts to PNG under var/receipts.
     */
    private ReceiptPrinter printer(KioskConfig cfg, Path configFile) throws ConfigException {
        KioskConfig.Printer p = cfg.devices().printer();
        PrinterLink link;
        if (p.type() == KioskConfig.PrinterType.EMULATOR) {
            printerEmulator = new EscPosPrinterEmulator(varDir.resolve("receipts"), p.columns() == 32
                    ? EscPosPrinterEmulator.PAPER_58MM_DOTS : EscPosPrinterEmulator.PAPER_80MM_DOTS);
            link = printerEmulator.memoryLink();
        } else {
            link = PrinterLinks.open(p.transport().orElseThrow(() -> new ConfigException(configFile,
                    "devices.printer.transport", "is missing (required for type escpos)")), p.baud());
        }
        ReceiptEncoder encoder = new ReceiptEncoder(ReceiptEncoder.Options.defaults().withGb18030(p.gb18030()));
        // DLE EOT answers come in milliseconds; the status after a receipt may wait for a slow serial line to drain.
        return new EscPosPrinter(link, encoder, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /**
     * The SIM card reader, or null with {@code devices.sim.enabled: false}. Simulation ({@code simulated: true}) puts
     * the virtual SIM through pcscd's vpcd reader, or into a memory slot when pcscd is absent.
     */
    private SimCardReader simReader(KioskConfig.SimReader s) {
        if (!s.enabled()) {
            return null;
        }
        Duration timeout = Duration.ofMillis(s.readTimeoutMs());
        if (s.simulated()) {
            simRig = owner.own(VirtualSimRig.open(s.reader(), s.vpcdPort(), timeout,
                    VirtualSimProfile.named(s.virtualCard()).orElseThrow()));
            return simRig.reader();
        }
        return owner.own(new SimSlotReader(new PcscCardSlot(s.reader()), timeout));
    }

    /** The flow's handle on the reader: arming is the UnifiedPOS enable, and a reader that fails says why. */
    static SimControl simControl(SimCardReader reader) {
        return new SimControl() {
            @Override
            public void arm() {
                try {
                    reader.enable();
                } catch (DeviceException e) {
                    log.warn("sim reader could not be enabled code={}", e.code());
                }
            }

            @Override
            public void disarm() {
                try {
                    reader.disable();
                } catch (DeviceException e) {
                    log.warn("sim reader could not be disabled code={}", e.code());
                }
            }

            @Override
            public Optional<SimException.Code> unavailable() {
                return reader.unavailable();
            }
        };
    }
}
