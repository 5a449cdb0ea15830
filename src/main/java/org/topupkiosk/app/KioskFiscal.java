package org.topupkiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.FiscalSecrets;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihPasswords;
import org.topupkiosk.device.fiscal.shtrih.ShtrihTcpLink;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.fiscal.FiscalSettings;
import org.topupkiosk.flow.fiscalshift.FiscalShifts;
import org.topupkiosk.flow.fiscalshift.ShiftKeptRegister;
import org.topupkiosk.flow.fiscalshift.ShiftPlan;
import org.topupkiosk.health.FiscalHealth;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.service.FiscalConsole;

/**
 * The fiscal register and the parts around it (issue 13), built from the config's {@code fiscal:} section: the
 * Shtrih-M driver on its line (serial, USB-CDC or TCP; in simulation the emulator on an in-memory line), the shift
 * keeper that opens shifts and closes them with a Z report in time, the flow's desk that registers each payment
 * through the keeper, and the readings the health endpoint and the service menu show.
 */
final class KioskFiscal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskFiscal.class);
    /** How often the desk asks the register's status while the kiosk waits for customers. */
    static final Duration STATUS_EVERY = Duration.ofSeconds(30);

    final FiscalShifts shifts;
    final FiscalDesk desk;
    final ZoneId zone;
    /** The emulated register behind the line in simulation mode, else null. */
    final ShtrihEmulator emulator;

    private KioskFiscal(FiscalShifts shifts, FiscalDesk desk, ZoneId zone, ShtrihEmulator emulator) {
        this.shifts = shifts;
        this.desk = desk;
        this.zone = zone;
        this.emulator = emulator;
    }

    /** The fiscal parts, or null with {@code fiscal.register: none} (the journal is told, so verify stops asking). */
    static KioskFiscal build(LoadedConfig loaded, Path configFile, Path varDir, Journal journal, CrashPoints crash,
                             Clock clock, BooleanSupplier customerPaying) throws ConfigException, IOException {
        KioskConfig cfg = loaded.config();
        KioskConfig.Fiscal fiscal = cfg.fiscal();
        if (!fiscal.enabled()) {
            journal.fiscal().recordMode("none");
            return null;
        }
        ZoneId zone = ZoneId.systemDefault(); // the register keeps local time, as the kiosk's clock does
        ShtrihEmulator emulator = null;
        SerialLink line;
        ShtrihPasswords passwords;
        if (fiscal.emulated()) {
            Path state = varDir.resolve("fiscal-emulator/fn.jsonl");
            Files.createDirectories(state.getParent());
            emulator = ShtrihEmulator.forSimulation(state, varDir.resolve("fiscal-receipts"));
            line = emulator.serveInMemory();
            passwords = ShtrihPasswords.FACTORY;
        } else {
            FiscalSecrets secrets = FiscalSecrets.load(fiscal, configFile);
            passwords = new ShtrihPasswords(secrets.operatorPassword(), secrets.adminPassword());
            line = fiscal.host().isPresent()
                    ? new ShtrihTcpLink(fiscal.host().get(), fiscal.tcpPort(), 3000)
                    : new JSerialCommLink(fiscal.port().orElseThrow(),
                            new SerialSettings(fiscal.baud(), 8, SerialSettings.Parity.NONE, 1));
        }
        ShtrihFiscalRegister driver = new ShtrihFiscalRegister(line, ShtrihLink.Settings.DEFAULT, passwords);
        try {
            driver.start();
        } catch (DeviceException e) {
            throw new IllegalStateException("fiscal register driver did not start: " + e.getMessage(), e);
        }
        FiscalRegister register = driver;
        FiscalShifts shifts = new FiscalShifts(register, new ShiftPlan(fiscal.quietHour(), zone), clock,
                customerPaying, cfg.kiosk().id(), (kind, json) -> journal.audit(kind, null, json));
        FiscalDesk desk = new FiscalDesk(new ShiftKeptRegister(register, shifts), journal,
                settings(loaded, zone), crash, clock);
        log.info("fiscal register shtrih {} (quiet hour {})", fiscal.emulated() ? "emulated in memory"
                : fiscal.host().map(h -> "tcp " + h + ":" + fiscal.tcpPort()).orElse("on " + fiscal.port().orElse("?")),
                fiscal.quietHour());
        return new KioskFiscal(shifts, desk, zone, emulator);
    }

    /** The payment agent's tags from the config, each operator's supplier from the catalog. */
    static FiscalSettings settings(LoadedConfig loaded, ZoneId zone) {
        KioskConfig cfg = loaded.config();
        KioskConfig.Fiscal.Agent agent = cfg.fiscal().agent();
        Map<String, FiscalItem.Supplier> suppliers = new HashMap<>();
        for (Operator op : loaded.catalog().operators()) {
            op.supplier().ifPresent(s -> suppliers.put(op.id(),
                    new FiscalItem.Supplier(s.name(), s.inn(), List.of(s.phone()))));
        }
        return new FiscalSettings(cfg.fiscal().taxSystem().orElseThrow(),
                new FiscalItem.Agent(agent.operation().orElseThrow(), agent.phones(), agent.operatorPhones()),
                suppliers, cfg.kiosk().id(), zone, STATUS_EVERY);
    }

    /** Starts the shift keeper (the desk starts with the flow). */
    void start() {
        shifts.start(FiscalShifts.CHECK_EVERY);
    }

    FiscalHealth health(Clock clock) {
        return new FiscalHealth(() -> shifts.reading().status(), () -> shifts.reading().error(), clock, zone);
    }

    FiscalConsole console(Clock clock) {
        return new FiscalConsole(shifts, clock, zone);
    }

    @Override
    public void close() {
        desk.close(); // closes the kept register: the keeper, then the driver
        if (emulator != null) {
            emulator.stop();
        }
    }
}
