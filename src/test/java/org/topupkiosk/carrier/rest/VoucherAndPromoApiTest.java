package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.topupkiosk.carrier.SimulatorFixture.gateway;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** The additive parts of the carrier API over real HTTP: scratch cards, promo ids, package overpayment. */
class VoucherAndPromoApiTest {

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

    @Test
    void validateSaysWhatACardIsWithoutUsingIt() throws Exception {
        VoucherInfo v = gw.validateVoucher("12345678901234");
        assertThat(v).isEqualTo(new VoucherInfo("MTS-500-000001", Money.rub(500), "mts", VoucherInfo.State.UNUSED));
        assertThat(gw.validateVoucher("12345678901234").state()).isEqualTo(VoucherInfo.State.UNUSED);
        assertThat(gw.validateVoucher("11112222333344").state()).isEqualTo(VoucherInfo.State.USED);
        assertThat(gw.validateVoucher("55556666777788").state()).isEqualTo(VoucherInfo.State.EXPIRED);
        assertThatThrownBy(() -> gw.validateVoucher("99999999999999")).isInstanceOfSatisfying(CarrierException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("unknown-voucher");
                });
        assertThatThrownBy(() -> gw.validateVoucher("12ab")).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.kind()).isEqualTo(CarrierException.Kind.PROTOCOL));
    }

    @Test
    void redemptionIsIdempotentAndACardIsUsedOnce() throws Exception {
        Msisdn m = Msisdn.of("+79161234567");
        Money before = gw.balance(m).amount();
        VoucherRedemption first = gw.redeemVoucher("12345678901234", m, "K-V1");
        assertThat(first.status()).isEqualTo(VoucherRedemption.Status.REDEEMED);
        assertThat(first.nominal()).isEqualTo(Money.rub(500));
        assertThat(gw.redeemVoucher("12345678901234", m, "K-V1")).as("a repeat answers the first answer")
                .isEqualTo(first);
        assertThat(gw.balance(m).amount()).isEqualTo(before.plus(Money.rub(500)));
        VoucherRedemption again = gw.redeemVoucher("12345678901234", m, "K-V2");
        assertThat(again.status()).isEqualTo(VoucherRedemption.Status.REFUSED);
        assertThat(again.refusalCode()).isEqualTo("voucher-used");
        assertThat(gw.balance(m).amount()).isEqualTo(before.plus(Money.rub(500)));
        assertThat(gw.validateVoucher("12345678901234").state()).isEqualTo(VoucherInfo.State.USED);
        assertThatThrownBy(() -> gw.redeemVoucher("23456789012345", m, "K-V1"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("http-409"));
    }

    @Test
    void refusalsApplyNothing() throws Exception {
        Msisdn beeline = Msisdn.of("+79031234567");
        assertThat(gw.redeemVoucher("12345678901234", beeline, "R1").refusalCode()).isEqualTo("operator-mismatch");
        assertThat(gw.redeemVoucher("55556666777788", Msisdn.of("+79161234567"), "R2").refusalCode())
                .isEqualTo("voucher-expired");
        assertThat(gw.redeemVoucher("12345678901234", Msisdn.of("+79000000002"), "R3").refusalCode())
                .isEqualTo("account-blocked");
        assertThat(gw.redeemVoucher("99999999999999", beeline, "R4").refusalCode()).isEqualTo("unknown-voucher");
        assertThat(gw.validateVoucher("12345678901234").state()).isEqualTo(VoucherInfo.State.UNUSED);
    }

    @Test
    void promoIdTravelsWithThePaymentAndTheCarrierDecidesTheBonus() throws Exception {
        Msisdn m = Msisdn.of("+79161234567");
        Money before = gw.balance(m).amount();
        PaymentRequest big = new PaymentRequest("P1", m, "mts", Money.rub(600), null, Instant.now(), "mts-bonus10-500");
        assertThat(gw.pay(big).status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(sim.bonusOf("P1")).isEqualTo(Money.rub(60));
        assertThat(gw.balance(m).amount()).isEqualTo(before.plus(Money.rub(660)));
        PaymentRequest small = new PaymentRequest("P2", m, "mts", Money.rub(100), null, Instant.now(), "mts-bonus10-500");
        assertThat(gw.pay(small).status()).as("a promo that does not apply never refuses the top-up")
                .isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(sim.bonusOf("P2")).isEqualTo(Money.ZERO_RUB);
        PaymentRequest changed = new PaymentRequest("P1", m, "mts", Money.rub(600), null, big.createdAt(), null);
        assertThatThrownBy(() -> gw.pay(changed)).as("the promo is part of the payment's identity")
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.code()).isEqualTo("txn-conflict");
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.CONFLICT);
                });
    }

    @Test
    void packagePaidAboveItsPricePutsTheRestOnTheBalance() throws Exception {
        Msisdn m = Msisdn.of("+79031234567");
        CatalogEntry p = gw.catalog("beeline").get(0);
        Money before = gw.balance(m).amount();
        PaymentRequest r = new PaymentRequest("PK1", m, "beeline", p.price().plus(Money.rub(40)), p.productId(),
                Instant.now());
        assertThat(gw.pay(r).status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(gw.balance(m).amount()).isEqualTo(before.plus(Money.rub(40)));
    }
}
