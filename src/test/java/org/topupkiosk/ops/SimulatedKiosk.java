package org.topupkiosk.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.service.BillAcceptorTest;
import org.topupkiosk.service.PinHash;
import org.topupkiosk.service.PrinterTest;
import org.topupkiosk.service.ServiceConsole;
import org.topupkiosk.service.ServicePin;

/**
 * The real kiosk core on the shipped simulation config (copied into a scratch directory), with a service PIN file and
 * a service console whose "sync now" and "exit" are counted, for the service menu's tests.
 */
public final class SimulatedKiosk implements AutoCloseable {

    public final KioskCore core;
    public final Path pinFile;
    public final ServicePin pin;
    public final ServiceConsole console;
    public final AtomicInteger kicks = new AtomicInteger();
    public final AtomicInteger exits = new AtomicInteger();

    public SimulatedKiosk(Path dir, String servicePin, Clock pinClock) throws Exception {
        this(dir, servicePin, pinClock, true);
    }

    /**
     * @param fiscal false turns the simulation config's emulated fiscal register off, for tests that write sales into
     *               the journal by hand (a sale without its fiscal document fails {@code journal verify} otherwise)
     */
    public SimulatedKiosk(Path dir, String servicePin, Clock pinClock, boolean fiscal) throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        if (!fiscal) {
            String yaml = Files.readString(config);
            String off = yaml.replaceFirst("(?m)^(fiscal:\\s*\\n  register: )shtrih(.*\\n  emulated: )true", "$1none$2false");
            if (off.equals(yaml)) {
                throw new IllegalStateException("no fiscal.register: shtrih in " + config);
            }
            Files.writeString(config, off);
        }
        LoadedConfig loaded = ConfigLoader.load(config);
        core = new KioskCore(loaded, config, KioskCore.Options.defaults());
        pinFile = dir.resolve("service-pin.hash");
        ServiceCommand.SetPin.write(pinFile, PinHash.create(servicePin.toCharArray(), new SecureRandom()).format());
        pin = new ServicePin(Optional.of(pinFile), core.journal().pinGates(), pinClock);
        console = new ServiceConsole(new ServiceConsole.Parts(pin, core.journal(), () -> {
            kicks.incrementAndGet();
            core.dispatcher().kick();
        }, List.of(core.acceptor()::checkHealth), core.desk(), core.flow()::submit, exits::incrementAndGet),
                List.of(new BillAcceptorTest(core.acceptorEvents(), java.time.Duration.ofSeconds(3)),
                        new PrinterTest(core.desk())));
        core.start();
    }

    /** A scripted customer on this kiosk's flow and emulated acceptor. */
    public ScriptedCustomer customer() {
        return new ScriptedCustomer(core.flow(), core.billEmulator());
    }

    /** How many audit rows of {@code kind} the journal holds. */
    public long auditRows(String kind) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + core.journal().file());
             var st = c.prepareStatement("SELECT COUNT(*) FROM audit WHERE kind = ?")) {
            st.setString(1, kind);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        console.close();
        core.close();
        if (Files.exists(pinFile)) {
            pinFile.toFile().delete();
        }
    }
}
