package org.topupkiosk.carrier;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** Shared pieces for the carrier tests: one key, short timeouts, payments with fresh txnIds. */
public final class SimulatorFixture {

    public static final byte[] KEY = "test-kiosk-key-0123456789".getBytes(StandardCharsets.UTF_8);
    public static final String KIOSK = "kiosk-test-1";
    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    public static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);

    private SimulatorFixture() {}

    public static CarrierSimulator simulator() throws IOException {
        return new CarrierSimulator(KEY);
    }

    public static RestCarrierGateway gateway(CarrierSimulator sim) {
        return gateway(sim.baseUri(), KEY, Clock.systemUTC());
    }

    public static RestCarrierGateway gateway(URI base, byte[] key, Clock clock) {
        return new RestCarrierGateway(base, KIOSK, key, CONNECT_TIMEOUT, REQUEST_TIMEOUT, clock);
    }

    public static PaymentRequest topUp(String msisdn, long rubles) {
        return new PaymentRequest("t-" + UUID.randomUUID(), Msisdn.of(msisdn), null, Money.rub(rubles), null,
                Instant.parse("2026-11-21T10:15:30Z"));
    }
}
