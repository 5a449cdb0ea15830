package org.topupkiosk.fleet.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.topupkiosk.app.KioskCarrier;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.ops.FleetSimKiosk;

/**
 * The demo's kiosks: real kiosk cores without a window, each on its own copy of the shipped simulation configuration
 * (its own id, journal and emulated devices), all selling through one carrier simulator (the first kiosk's embedded
 * one), each with the {@code fleet:} section on ({@link FleetSimKiosk#config}: the demo's broker, its kiosk id, the
 * office's public key).
 */
final class DemoKiosks implements AutoCloseable {

    private final List<KioskCore> cores = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    /** Starts {@code n} kiosks under {@code dir}, in the fleet of {@code broker} under the office key. */
    DemoKiosks(int n, Path dir, URI broker, Path officeKey) throws Exception {
        URI carrier = null;
        for (int i = 1; i <= n; i++) {
            String id = String.format("DEMO-%03d", i);
            Path config = prepare(dir.resolve(id), id, i);
            LoadedConfig loaded = FleetSimKiosk.config(config, dir.resolve(id).resolve("var"), broker, id, officeKey);
            KioskCore.Options options = carrier == null ? KioskCore.Options.defaults()
                    : new KioskCore.Options(carrier, CrashPoints.NONE, Clock.systemDefaultZone());
            KioskCore core = new KioskCore(loaded, config, options);
            cores.add(core);
            ids.add(id);
            if (carrier == null) {
                carrier = KioskCarrier.endpoint(loaded.config(), core.simulator());
            }
            core.start();
        }
    }

    List<KioskCore> cores() {
        return cores;
    }

    List<String> ids() {
        return ids;
    }

    /**
     * A copy of kiosk-config/ for one kiosk: its id and address, no SIM reader (pcscd's virtual reader is one for
     * the machine), no health endpoint (they would all want port 8780).
     */
    static Path prepare(Path dir, String id, int n) throws IOException {
        Path to = dir.resolve("kiosk-config");
        Path from = Path.of("kiosk-config");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path yaml = to.resolve("kiosk.yaml");
        String s = Files.readString(yaml, StandardCharsets.UTF_8);
        s = replace(s, "id: \"SIM-0001\"", "id: \"" + id + "\"");
        s = replace(s, "address: \"Demo kiosk, 1 Tverskaya St, Moscow\"",
                "address: \"Demo kiosk " + n + ", " + n + " Tverskaya St, Moscow\"");
        s = replace(s, "    enabled: true\n    simulated: true", "    enabled: false\n    simulated: true");
        s = replace(s, "listen: 127.0.0.1:8780 ", "listen: off ");
        Files.writeString(yaml, s, StandardCharsets.UTF_8);
        return yaml;
    }

    private static String replace(String yaml, String what, String with) {
        if (!yaml.contains(what)) {
            throw new IllegalStateException("kiosk-config/kiosk.yaml no longer has '" + what + "'; the fleet demo must"
                    + " follow it");
        }
        return yaml.replace(what, with);
    }

    /** All at once: a core's flow thread may take its few seconds to wind down, and twenty in a row add up. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> closing = new ArrayList<>();
        for (KioskCore core : cores) {
            Thread t = new Thread(core::close, "closing-kiosk");
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            t.join();
        }
    }
}
