package org.topupkiosk.ops;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;

/**
 * A headless simulated kiosk in the fleet (issue 15): the core of a simulation config (emulated devices, the embedded
 * carrier simulator) with its journal under {@code varDir} and the {@code fleet} section set to this broker, kiosk id
 * and office key, started. For the fleet demo, the bench and the Last Will test (a child process killed with
 * {@code kill -9}). The SIM reader is left out (simulated readers share one pcscd; the fleet needs none).
 *
 * <p>As a program: {@code --config FILE --var DIR --broker URL --kiosk-id ID --office-key PEM [--sales N]}; prints
 * {@code @ready} once its state is out, {@code @sale N} after each scripted sale, {@code @done}, then stays up until
 * its stdin closes (or it is killed).
 */
public final class FleetSimKiosk {

    private FleetSimKiosk() {}

    /** The config of {@code configFile} with its journal under {@code varDir} and the fleet section given. */
    public static LoadedConfig config(Path configFile, Path varDir, URI broker, String kioskId, Path officeKey)
            throws ConfigException {
        LoadedConfig loaded = ConfigLoader.load(configFile);
        KioskConfig.Devices d = loaded.config().devices();
        // No SIM reader: simulated readers share one pcscd, and the fleet needs none.
        KioskConfig cfg = loaded.config().withJournal(new KioskConfig.Journal(varDir.resolve("journal.db")))
                .withDevices(new KioskConfig.Devices(d.billAcceptor(), d.printer(), KioskConfig.SimReader.DISABLED,
                        d.scanner()))
                .withFleet(new KioskConfig.Fleet(true, Optional.of(broker), false, Optional.of(kioskId),
                        KioskConfig.Fleet.DEFAULT_PREFIX, Optional.empty(), Optional.of(officeKey),
                        KioskConfig.Fleet.DEFAULT_STATE_EVERY, KioskConfig.Fleet.DEFAULT_CASH_BOX_NOTES));
        return new LoadedConfig(cfg, loaded.catalog(), loaded.numbering());
    }

    /** Builds and starts the core; the fleet agent connects on its own thread. Close it to stop (goodbye state). */
    public static KioskCore start(Path configFile, Path varDir, URI broker, String kioskId, Path officeKey)
            throws ConfigException {
        KioskCore core = new KioskCore(config(configFile, varDir, broker, kioskId, officeKey), configFile,
                KioskCore.Options.defaults());
        core.start();
        return core;
    }

    /** One scripted cash top-up of {@code rub} roubles to {@code number}, receipt and all, back to the idle screen. */
    public static void sell(KioskCore core, ScriptedCustomer customer, String number, long rub)
            throws InterruptedException {
        Duration step = Duration.ofSeconds(60);
        FlowSnapshot cash = customer.startTopUp(number, rub);
        List<Money> notes = new ArrayList<>();
        for (long left = cash.cashNeeded().minor(); left > 0; left -= left >= 10_000 ? 10_000 : 5_000) {
            notes.add(Money.rub(left >= 10_000 ? 100 : 50));
        }
        customer.insertUntil(cash.cashNeeded(), notes);
        FlowSnapshot done = customer.payAndConfirm();
        if (done.screen() != Screen.DONE) {
            throw new IllegalStateException("sale to " + number + " ended on " + done.screen());
        }
        customer.await(s -> s.receipt() == FlowSnapshot.ReceiptState.PRINTED
                || s.receipt() == FlowSnapshot.ReceiptState.FAILED, step);
        core.flow().submit(new FlowCommand.Finish());
        customer.await(s -> s.screen() == Screen.IDLE, step);
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(arg(args, "--config", "kiosk-config/kiosk.yaml"));
        Path var = Path.of(arg(args, "--var", "var/fleet-sim"));
        URI broker = URI.create(arg(args, "--broker", null));
        String id = arg(args, "--kiosk-id", null);
        Path key = Path.of(arg(args, "--office-key", null));
        int sales = Integer.parseInt(arg(args, "--sales", "0"));
        KioskCore core = start(config, var, broker, id, key);
        Runtime.getRuntime().addShutdownHook(new Thread(core::close, "fleet-sim-stop"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!core.fleetAgent().map(a -> a.connected()).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.println("@ready");
        System.out.flush();
        ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
        for (int i = 1; i <= sales; i++) {
            sell(core, customer, "916" + String.format("%07d", i), 100);
            System.out.println("@sale " + i);
            System.out.flush();
        }
        System.out.println("@done");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent closes our stdin
        }
        core.close();
        System.exit(0);
    }

    private static String arg(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (def == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return def;
    }
}
