package org.topupkiosk.device.cash;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;

/**
 * The whole kiosk core (real flow, SQLite journal, embedded carrier simulator) with its bill acceptor on a serial
 * port: what the pty integration tests and the latency bench drive.
 */
public final class AcceptorKiosk {

    private AcceptorKiosk() {}

    public static KioskCore start(Path dir, KioskConfig.BillAcceptorType type, String port, PollSettings timing)
            throws Exception {
        Path configFile = Path.of("kiosk-config/kiosk.yaml");
        LoadedConfig loaded = ConfigLoader.load(configFile);
        KioskConfig c = loaded.config();
        KioskConfig.Devices devices = new KioskConfig.Devices(new KioskConfig.BillAcceptor(type, Optional.of(port)),
                c.devices().printer());
        KioskConfig changed = new KioskConfig(c.kiosk(), new KioskConfig.Journal(dir.resolve("journal.db")),
                c.carrier(), c.sales(), c.timeouts(), c.sync(), devices, c.ui(), c.catalogFile(), c.numberingFile());
        KioskCore core = new KioskCore(new LoadedConfig(changed, loaded.catalog(), loaded.numbering()), configFile,
                new KioskCore.Options(null, CrashPoints.NONE, Clock.systemUTC(), timing));
        core.start();
        return core;
    }

    /** Polls fast so a hundred notes fit in a test; timeouts as in the field. */
    public static final PollSettings FAST = new PollSettings(Duration.ofMillis(40), Duration.ofMillis(100),
            Duration.ofMillis(150), 3);
}
