package org.topupkiosk.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.ops.FleetSimKiosk;

/**
 * The fleet tests' kiosks: the shipped simulation config in a scratch directory (the SIM reader off: no PC/SC here),
 * the office's key pair with its public half where the config can read it, and headless cores started through
 * {@link FleetSimKiosk}, the same entry the fleet demo uses.
 */
final class FleetKiosks {

    final Path dir;
    final Path config;
    final KeyPair office = FleetKeys.generate();
    final Path officeKey;

    FleetKiosks(Path dir) throws IOException {
        this.dir = dir;
        this.config = KioskHealthEndpointTest.copyConfig(dir, "kiosk.yaml", SIM_ON, SIM_ON.replace("true", "false"));
        this.officeKey = dir.resolve("office.pub.pem");
        Files.writeString(officeKey, FleetKeys.publicPem(office.getPublic()));
    }

    /** The shipped config's SIM reader (simulated through pcscd when it runs): off in the fleet tests. */
    static final String SIM_ON = "the SIM in hand\n    enabled: true";

    KioskCore start(String broker, String kioskId) throws ConfigException {
        return FleetSimKiosk.start(config, dir.resolve("var-" + kioskId), URI.create(broker), kioskId, officeKey);
    }
}
