package org.topupkiosk.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.osmp.OsmpCarrierGateway;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.KioskKey;

/** The one place that picks the carrier adapter (rest or osmp), its endpoint and its key. */
public final class KioskCarrier {

    private static final Logger log = LoggerFactory.getLogger(KioskCarrier.class);

    private KioskCarrier() {}

    /**
     * The configured carrier adapter, talking to {@code carrierUrl} (the embedded simulator's base address in
     * simulation, else {@code carrier.url}). The one place that picks the adapter: the kiosk and
     * {@code kioskctl carrier check} both build their gateway here.
     */
    public static CarrierGateway gateway(KioskConfig cfg, Path configFile, URI endpoint, byte[] key,
                                                Clock clock) throws ConfigException {
        Duration connect = Duration.ofMillis(cfg.carrier().connectTimeoutMs());
        Duration request = Duration.ofMillis(cfg.carrier().requestTimeoutMs());
        if (cfg.carrier().adapter() == KioskConfig.Adapter.OSMP) {
            log.info("carrier adapter=osmp url={}", endpoint);
            return new OsmpCarrierGateway(endpoint, OsmpCredentials.load(cfg.carrier().osmp(), configFile), connect,
                    request, clock);
        }
        return new RestCarrierGateway(endpoint, cfg.kiosk().id(), key, connect, request, clock);
    }

    /** Where the configured adapter talks to the embedded simulator: its REST base, or its /osmp endpoint. */
    public static URI endpoint(KioskConfig cfg, CarrierSimulator simulator) {
        return cfg.carrier().adapter() == KioskConfig.Adapter.OSMP ? simulator.osmpUri() : simulator.baseUri();
    }

    /** The configured carrier endpoint without a simulator. */
    public static URI endpoint(KioskConfig cfg) {
        return cfg.carrier().adapter() == KioskConfig.Adapter.OSMP ? cfg.carrier().osmp().url().orElseThrow()
                : cfg.carrier().url().orElseThrow();
    }

    /**
     * The HMAC key that signs REST requests, or null: an OSMP kiosk needs it only for the embedded simulator's REST
     * side.
     */
    public static byte[] key(KioskConfig cfg, Path configFile) throws ConfigException {
        boolean osmp = cfg.carrier().adapter() == KioskConfig.Adapter.OSMP;
        return osmp && cfg.carrier().simulator() == KioskConfig.Simulator.NONE ? null
                : KioskKey.load(cfg.carrier(), configFile, System::getenv).bytes();
    }
}
