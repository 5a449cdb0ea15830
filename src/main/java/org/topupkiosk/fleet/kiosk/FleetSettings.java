package org.topupkiosk.fleet.kiosk;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.FleetSecrets;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.fleet.FleetTopics;

/**
 * The {@code fleet} section made ready for the agent: the topics under the prefix, the kiosk's id, the broker, the
 * credentials from the secrets file and the office's public key. Every problem is a {@link ConfigException} naming
 * its key, at start and in {@code kioskctl config check}.
 */
public record FleetSettings(URI broker, String kioskId, FleetTopics topics, FleetSecrets secrets, PublicKey officeKey,
                            Duration stateEvery, int cashBoxNotes, String version) {

    /** The settings of an enabled {@code fleet} section; IllegalStateException when it is not enabled. */
    public static FleetSettings load(KioskConfig config, Path configFile, String version) throws ConfigException {
        KioskConfig.Fleet fleet = config.fleet();
        if (!fleet.enabled()) {
            throw new IllegalStateException("fleet.enabled is false");
        }
        URI broker = fleet.broker().orElseThrow(() -> new ConfigException(configFile, "fleet.broker", "is missing"));
        String id = fleet.kioskId().orElseThrow(() -> new ConfigException(configFile, "fleet.kioskId",
                "is missing and kiosk.id cannot stand as a topic level"));
        FleetTopics topics;
        try {
            topics = new FleetTopics(fleet.topicPrefix());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(configFile, "fleet.topicPrefix", e.getMessage());
        }
        if (!FleetTopics.validKioskId(id)) {
            throw new ConfigException(configFile, "fleet.kioskId", "'" + id + "' cannot stand as a topic level");
        }
        FleetSecrets secrets = FleetSecrets.load(fleet, configFile);
        Path keyFile = fleet.officeKeyFile().orElseThrow(() -> new ConfigException(configFile, "fleet.officeKeyFile",
                "is missing (expected the office's Ed25519 public key in PEM)"));
        PublicKey key;
        try {
            key = FleetKeys.readPublic(keyFile);
        } catch (IOException e) {
            throw new ConfigException(configFile, "fleet.officeKeyFile", "the office key " + keyFile
                    + " cannot be read: " + e.getMessage());
        }
        return new FleetSettings(broker, id, topics, secrets, key, Duration.ofSeconds(fleet.stateEverySeconds()),
                fleet.cashBoxNotes(), version);
    }
}
