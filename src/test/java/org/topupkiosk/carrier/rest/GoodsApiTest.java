package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.topupkiosk.carrier.SimulatorFixture.KEY;
import static org.topupkiosk.carrier.SimulatorFixture.gateway;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult.Status;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.domain.CheckDigits;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;

/** e-PIN and eSIM sales over real HTTP against the simulator (docs/carrier-api.md "Goods"). */
class GoodsApiTest {

    @TempDir
    Path dir;
    private CarrierSimulator sim;
    private RestCarrierGateway gw;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorFixture.simulator();
        gw = gateway(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static PaymentRequest sale(GoodsKind kind, String operator, String product, long rub, DeviceId device) {
        return PaymentRequest.goods("g-" + UUID.randomUUID(), kind, operator, Money.rub(rub), product,
                Instant.parse("2026-11-21T10:15:30Z"), device);
    }

    @Test
    void goodsComeFromTheirOwnEndpointAndNeverFromThePackageCatalog() throws Exception {
        List<GoodsOffer> mts = gw.goods("mts");
        assertThat(mts).extracting(GoodsOffer::kind).contains(GoodsKind.EPIN, GoodsKind.ESIM);
        assertThat(mts).allMatch(g -> g.operatorId().equals("mts") && g.price().isPositive()
                && g.titles().keySet().containsAll(List.of("ru", "en", "zh")));
        assertThat(mts).filteredOn(g -> g.kind() == GoodsKind.ESIM).allMatch(g -> g.validDays() > 0 && g.dataMb() != 0);
        assertThat(gw.catalog("mts")).noneMatch(p -> p.productId().contains("epin") || p.productId().contains("esim"));
        assertThatThrownBy(() -> gw.goods("vodafone")).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED);
            assertThat(e.code()).isEqualTo("unknown-operator");
        });
    }

    @Test
    void anEPinIsIssuedOnceAndARepeatOrAStatusGivesTheSamePin() throws Exception {
        PaymentRequest r = sale(GoodsKind.EPIN, "beeline", "beeline-epin-300", 300, null);
        PaymentResult first = gw.pay(r);
        assertThat(first.status()).isEqualTo(Status.CONFIRMED);
        IssuedGoods.EPin pin = (IssuedGoods.EPin) first.goods();
        assertThat(pin.pin()).matches("[0-9]{16}");
        assertThat(pin.serial()).startsWith("BEELINE-EPIN-300-");
        assertThat(pin.expiresOn()).isNotNull();
        assertThat(gw.pay(r)).as("a repeat").isEqualTo(first);
        assertThat(gw.status(r.txnId()).goods()).as("GET /v1/payments/{txnId}").isEqualTo(pin);
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
        assertThat(pin.toString()).doesNotContain(pin.pin());
        PaymentResult other = gw.pay(sale(GoodsKind.EPIN, "beeline", "beeline-epin-300", 300, null));
        assertThat(((IssuedGoods.EPin) other.goods()).pin()).as("each sale its own PIN").isNotEqualTo(pin.pin());
    }

    @Test
    void anESimCarriesAValidSgp22CodeAndANewNumberThatGetsTheOverpayment() throws Exception {
        DeviceId eid = DeviceId.of("89049032123451234512345678901235");
        PaymentRequest r = sale(GoodsKind.ESIM, "megafon", "megafon-esim-tourist-7d", 600, eid);
        PaymentResult res = gw.pay(r);
        IssuedGoods.Esim esim = (IssuedGoods.Esim) res.goods();
        assertThat(ScannedCode.classify(esim.activationCode(), Symbology.QR_CODE)).isInstanceOfSatisfying(
                CodeMeaning.EsimOrder.class, o -> assertThat(o.activationCode()).isEqualTo(esim.activationCode()));
        assertThat(esim.iccid()).matches("\\d{19}");
        assertThat(CheckDigits.luhnValid(esim.iccid())).isTrue();
        assertThat(gw.checkAccount(esim.msisdn(), null).operatorId()).as("the new number is the operator's")
                .isEqualTo("megafon");
        Money price = gw.goods("megafon").stream().filter(g -> g.productId().equals("megafon-esim-tourist-7d"))
                .findFirst().orElseThrow().price();
        Money base = Money.rubMinor(Long.parseLong(esim.msisdn().national()) % 50_000);
        assertThat(gw.balance(esim.msisdn()).amount()).isEqualTo(base.plus(Money.rub(600).minus(price)));
        assertThat(gw.pay(r)).isEqualTo(res);
        assertThat(gw.status(r.txnId()).goods()).isEqualTo(esim);
    }

    @Test
    void refusalsAreAnswersWithTheirCodes() throws Exception {
        assertRefused(sale(GoodsKind.ESIM, "mts", "mts-esim-tourist-7d", 500, DeviceId.of("356938035643809")),
                "device-not-supported");
        assertRefused(sale(GoodsKind.ESIM, "mts", "mts-esim-tourist-7d", 500,
                DeviceId.of("89001012012341234012345678901224")), "device-not-supported");
        assertRefused(sale(GoodsKind.EPIN, "t2", "t2-epin-1000", 1000, null), "out-of-stock");
        assertRefused(sale(GoodsKind.ESIM, "megafon", "megafon-esim-month-30g", 2000, null), "out-of-stock");
        assertRefused(sale(GoodsKind.EPIN, "mts", "mts-epin-300", 350, null), "price-mismatch");
        assertRefused(sale(GoodsKind.ESIM, "mts", "mts-esim-tourist-7d", 100, null), "price-mismatch");
        assertRefused(sale(GoodsKind.EPIN, "beeline", "mts-epin-300", 300, null), "unknown-product");
        assertRefused(sale(GoodsKind.ESIM, "mts", "mts-epin-300", 300, null), "unknown-product");
        sim.faults().next(1, Fault.refuse("out-of-stock"), "/v1/payments");
        assertRefused(sale(GoodsKind.EPIN, "mts", "mts-epin-100", 100, null), "out-of-stock");
    }

    private void assertRefused(PaymentRequest r, String code) throws Exception {
        PaymentResult res = gw.pay(r);
        assertThat(res.status()).as(code).isEqualTo(Status.REFUSED);
        assertThat(res.refusalCode()).isEqualTo(code);
        assertThat(res.goods()).isNull();
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isZero();
    }

    @Test
    void theSameTxnIdForAnotherPhoneIsAConflictAndNothingIsIssued() throws Exception {
        PaymentRequest r = sale(GoodsKind.ESIM, "mts", "mts-esim-data-3d", 300, DeviceId.of("490154203237518"));
        gw.pay(r);
        PaymentRequest other = PaymentRequest.goods(r.txnId(), GoodsKind.ESIM, "mts", r.amount(), r.productId(),
                r.createdAt(), null);
        assertThatThrownBy(() -> gw.pay(other)).isInstanceOfSatisfying(CarrierException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("txn-conflict");
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.CONFLICT);
                });
    }

    @Test
    void aRestartedSimulatorAnswersWithTheSameGoodsAndNumbersNewESimsAfterThem() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        PaymentRequest pin = sale(GoodsKind.EPIN, "mts", "mts-epin-500", 500, null);
        PaymentRequest esim = sale(GoodsKind.ESIM, "t2", "t2-esim-data-3d", 330, null);
        PaymentResult firstPin;
        PaymentResult firstEsim;
        try (CarrierSimulator s = new CarrierSimulator(0, KEY, file)) {
            RestCarrierGateway g = gateway(s);
            firstPin = g.pay(pin);
            firstEsim = g.pay(esim);
        }
        try (CarrierSimulator s = new CarrierSimulator(0, KEY, file)) {
            RestCarrierGateway g = gateway(s);
            assertThat(g.pay(pin).goods()).isEqualTo(firstPin.goods());
            assertThat(g.status(esim.txnId()).goods()).isEqualTo(firstEsim.goods());
            IssuedGoods.Esim next = (IssuedGoods.Esim) g.pay(sale(GoodsKind.ESIM, "t2", "t2-esim-data-3d", 330, null))
                    .goods();
            assertThat(next.msisdn()).isNotEqualTo(((IssuedGoods.Esim) firstEsim.goods()).msisdn());
            assertThat(next.iccid()).isNotEqualTo(((IssuedGoods.Esim) firstEsim.goods()).iccid());
        }
    }

    @Test
    void aConfirmedSaleWithoutItsGoodsIsAnUnknownOutcomeNotASale() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 5);
        PaymentRequest r = sale(GoodsKind.EPIN, "mts", "mts-epin-100", 100, null);
        byte[] body = ("{\"txnId\":\"" + r.txnId() + "\",\"status\":\"CONFIRMED\",\"carrierRef\":\"R\","
                + "\"amount\":{\"minor\":10000,\"currency\":\"RUB\"},\"refusalCode\":null,\"message\":\"ok\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            RestCarrierGateway bare = SimulatorFixture.gateway(java.net.URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort()), KEY, java.time.Clock.systemUTC());
            assertThatThrownBy(() -> bare.pay(r)).isInstanceOfSatisfying(CarrierException.class, e -> {
                assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNKNOWN_OUTCOME);
                assertThat(e.code()).isEqualTo("bad-body");
            });
        } finally {
            server.stop(0);
        }
    }
}
