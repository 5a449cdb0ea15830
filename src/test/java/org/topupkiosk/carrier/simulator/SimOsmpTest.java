package org.topupkiosk.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.osmp.OsmpAnswer;
import org.topupkiosk.carrier.osmp.OsmpXml;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.WireFormatException;
import org.topupkiosk.config.KioskKey;

/** The simulator's /osmp as a provider would be probed by hand: bad requests, result faults over /sim/faults. */
class SimOsmpTest {

    private CarrierSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = new CarrierSimulator(KioskKey.developmentKey());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<byte[]> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.osmpUri() + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private OsmpAnswer answer(String query) throws Exception {
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
        return OsmpXml.parse(r.body());
    }

    @Test
    void badRequestsGetOsmpAnswersOrA400() throws Exception {
        assertThat(get("command=pay&account=9161234567&sum=1.00").statusCode()).isEqualTo(400);
        assertThat(get("command=pay&txn_id=12ab&account=9161234567&sum=1.00").statusCode()).isEqualTo(400);
        assertThat(answer("command=check&txn_id=5&account=916123&sum=1.00").result()).isEqualTo(4);
        assertThat(answer("command=check&txn_id=5&account=9161234567&sum=1").result()).isEqualTo(300);
        assertThat(answer("command=pay&txn_id=5&account=9161234567&sum=10.00&txn_date=2026").result()).isEqualTo(300);
        assertThat(answer("command=refund&txn_id=5&account=9161234567&sum=10.00").result()).isEqualTo(300);
        assertThat(answer("command=pay&txn_id=6&txn_date=20261121101530&account=9161234567&sum=5.00").result())
                .isEqualTo(241);
        assertThat(answer("command=pay&txn_id=7&txn_date=20261121101530&account=9161234567&sum=20000.00").result())
                .isEqualTo(242);
        assertThat(sim.ledger()).containsOnlyKeys("6", "7");
    }

    @Test
    void resultFaultsArePostedAsJsonAndMakeSequences() throws Exception {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"osmp-result\",\"result\":90,\"count\":2}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isLessThan(300);
        assertThat(sim.faults().rules()).singleElement()
                .satisfies(r -> assertThat(r.fault()).isEqualTo(new Fault.OsmpResult(90)));
        String pay = "command=pay&txn_id=1000000000000000001&txn_date=20261121101530&account=9161234567&sum=10.00";
        assertThat(answer(pay).result()).isEqualTo(90);
        assertThat(answer(pay).result()).isEqualTo(90);
        OsmpAnswer done = answer(pay);
        assertThat(done.result()).isZero();
        assertThat(done.prvTxn()).isEqualTo(sim.ledger().get("1000000000000000001").carrierRef());
        assertThat(sim.ledger().get("1000000000000000001").appliedCount()).isEqualTo(1);
        // A REST request is never given an OSMP result.
        assertThat(new FaultRule(new Fault.OsmpResult(1), null, 1, 0).appliesTo("POST", "/v1/payments")).isFalse();
        assertThatThrownBy(() -> new Faults().addJson(CarrierJson.parse(
                "{\"fault\":\"osmp-result\",\"result\":2}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("1 or 90");
    }
}
