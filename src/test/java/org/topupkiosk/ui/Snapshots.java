package org.topupkiosk.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.SimLookupView;

/** Representative snapshots, one per screen, as a mid-session MTS top-up of 588 ₽ for 600 ₽ cash would show them. */
final class Snapshots {

    private static final AtomicLong VERSION = new AtomicLong();

    private Snapshots() {}

    /** Mutable while a test shapes it; {@link #build()} makes the immutable snapshot with a fresh version. */
    static final class Builder {
        Screen screen;
        Lang lang;
        String numberDigits = "";
        Msisdn msisdn;
        String operatorId;
        String operatorName;
        String operatorColor;
        String amountDigits = "";
        Money amount;
        Money cashNeeded;
        Money cashInserted;
        Money fee;
        Money toBalance;
        Money minAmount;
        Money maxAmount;
        Money cashLimit;
        List<Money> acceptedNotes = List.of();
        boolean acceptorReady = true;
        boolean offline;
        FlowMessage message;
        Integer countdown;
        String txnId;
        PaymentStatus paymentStatus;
        String creditCode;
        Money creditAmount;
        ReceiptState receipt = ReceiptState.NONE;
        String qrPayload;
        ServicesView services;
        Money creditApplied;

        FlowSnapshot build() {
            return new FlowSnapshot(VERSION.incrementAndGet(), screen, lang, numberDigits, msisdn, operatorId,
                    operatorName, operatorColor, amountDigits, amount, cashNeeded, cashInserted, fee, toBalance,
                    minAmount, maxAmount, cashLimit, acceptedNotes, acceptorReady, offline, message, countdown, txnId,
                    paymentStatus, creditCode, creditAmount, receipt, qrPayload, services, creditApplied);
        }
    }

    static FlowSnapshot of(Screen screen, Lang lang) {
        return builder(screen, lang).build();
    }

    static Builder builder(Screen screen, Lang lang) {
        Builder b = new Builder();
        b.screen = screen;
        b.lang = lang;
        switch (screen) {
            case IDLE, LANGUAGE, OUT_OF_SERVICE, SERVICE_LOCK -> { }
            case HOME -> b.services = services(Service.TOPUP).build();
            case OPERATOR_CHOICE -> {
                ServicesBuilder v = services(Service.TOPUP);
                v.operators = List.of(new ServicesView.OperatorTile("mts", lang == Lang.RU ? "МТС" : "MTS", "#E30611"),
                        new ServicesView.OperatorTile("beeline", lang == Lang.RU ? "Билайн" : lang == Lang.ZH ? "比莱恩"
                                : "Beeline", "#FFB800"),
                        new ServicesView.OperatorTile("megafon", lang == Lang.RU ? "МегаФон" : "MegaFon", "#00B956"),
                        new ServicesView.OperatorTile("t2", lang == Lang.RU ? "Т2" : "T2", "#000000"));
                v.sim = sim(SimLookupView.Phase.WAITING, true, false);
                b.services = v.build();
            }
            case BALANCE_RESULT -> {
                operator(number(b));
                ServicesBuilder v = services(Service.BALANCE);
                v.balance = Money.rubMinor(34_567);
                v.balanceExpires = java.time.LocalDate.of(2027, 3, 1);
                b.services = v.build();
            }
            case PACKAGE_LIST -> {
                operator(number(b));
                ServicesBuilder v = services(Service.PACKAGE);
                v.packages = List.of(
                        pkg("mts-data-1g-day", lang, "data", "day", 1024, 0, 60,
                                "Интернет 1 ГБ на сутки", "Internet 1 GB for a day", "1 GB 流量（1天）"),
                        pkg("mts-data-20g-month", lang, "data", "month", 20480, 0, 450,
                                "Интернет 20 ГБ на месяц", "Internet 20 GB for a month", "20 GB 流量（1个月）"),
                        pkg("mts-data-5g-unlimited", lang, "data", "unlimited", 5120, 0, 700,
                                "Интернет 5 ГБ без срока", "Internet 5 GB, no expiry", "5 GB 流量（不限期）"),
                        pkg("mts-combo-tourist-day", lang, "combo", "day", 3072, 60, 150,
                                "Туристический: 3 ГБ и 60 минут на сутки", "Tourist: 3 GB and 60 minutes for a day",
                                "旅游套餐：3 GB + 60 分钟（1天）"));
                v.pages = 2;
                b.services = v.build();
            }
            case PACKAGE_DETAILS -> {
                operator(number(b));
                ServicesBuilder v = services(Service.PACKAGE);
                v.selected = pkg("mts-combo-15g-500-month", lang, "combo", "month", 15360, 500, 650,
                        "15 ГБ и 500 минут на месяц", "15 GB and 500 minutes for a month", "15 GB 流量 + 500 分钟（1个月）");
                b.services = v.build();
            }
            case VOUCHER_PIN -> {
                ServicesBuilder v = services(Service.VOUCHER);
                v.pinLength = 9;
                v.pinMask = "•••• •••• •";
                b.services = v.build();
                b.message = FlowMessage.error("voucher.unknown");
            }
            case VOUCHER_CHECKING -> b.services = services(Service.VOUCHER).build();
            case VOUCHER_CONFIRM -> {
                ServicesBuilder v = services(Service.VOUCHER);
                v.voucherNominal = Money.rub(500);
                v.voucherOperator = lang == Lang.RU ? "МТС" : "MTS";
                v.voucherSerial = "MTS-500-000001";
                b.services = v.build();
            }
            case NUMBER_ENTRY -> {
                b.numberDigits = "91612345";
                b.services = simReady(Service.TOPUP);
            }
            case CHECKING_NUMBER -> number(b);
            case OPERATOR_CONFIRM -> operator(number(b));
            case AMOUNT_ENTRY -> {
                limits(operator(number(b)));
                b.amountDigits = "1500";
                b.amount = Money.rub(1500);
                b.cashNeeded = Money.rub(1530);
                b.fee = Money.rub(30);
                b.services = promo(lang, Money.rub(150), true);
            }
            case CASH_INSERTION -> {
                cash(limits(operator(number(b))));
                b.message = FlowMessage.warning("cash.note_returned_limit", Money.rub(15000));
                b.services = promo(lang, Money.rubMinor(5880), true);
            }
            case CONFIRM -> {
                cash(limits(operator(number(b))));
                b.services = promo(lang, Money.rubMinor(5880), true);
            }
            case SUBMITTING, RECEIPT -> settled(cash(limits(operator(number(b)))));
            case DONE -> {
                settled(cash(limits(operator(number(b)))));
                b.paymentStatus = PaymentStatus.CREDITED;
                b.txnId = "0042-000317";
                b.receipt = ReceiptState.PRINTING;
                b.qrPayload = "https://pay.example.ru/check?txn=0042-000317&sum=588.00";
            }
            // Find my number (issue 7 item 4).
            case SIM_INSERT -> b.services = simServices(sim(SimLookupView.Phase.WAITING, true, false));
            case SIM_READING -> b.services = simServices(sim(SimLookupView.Phase.ASKING, false, true));
            case SIM_RESULT -> b.services = simServices(found(lang, true, FlowSnapshot.ReceiptState.NONE));
            case SIM_FAILED -> b.services = simServices(new SimLookupView(SimLookupView.Phase.FAILED, false, true, null,
                    false, null, null, null, false, "sim.number.not_stored", null));
            // e-PIN and eSIM (issue 7)
            case GOODS_OPERATOR -> {
                ServicesBuilder v = services(Service.EPIN);
                v.operators = builder(Screen.OPERATOR_CHOICE, lang).services.operators();
                v.goods = goods(Service.EPIN).build();
                b.services = v.build();
            }
            case GOODS_LOADING -> {
                operator(b);
                ServicesBuilder v = services(Service.ESIM);
                v.goods = goods(Service.ESIM).build();
                b.services = v.build();
            }
            case GOODS_LIST -> {
                operator(b);
                ServicesBuilder v = services(Service.ESIM);
                GoodsBuilder g = goods(Service.ESIM);
                g.offers = List.of(esimTourist(lang), esimOffer("mts-esim-data-3d", lang, 5120, 0, 3, 300,
                        "Интернет 5 ГБ на 3 дня", "Internet 5 GB for 3 days", "5 GB 流量（3天）"),
                        esimOffer("mts-esim-month-30g", lang, 30720, 500, 30, 900, "30 ГБ и 500 минут на месяц",
                                "30 GB and 500 minutes for a month", "30 GB + 500 分钟（1个月）"));
                v.goods = g.build();
                b.services = v.build();
            }
            case ESIM_DEVICE -> {
                operator(b);
                ServicesBuilder v = services(Service.ESIM);
                GoodsBuilder g = goods(Service.ESIM);
                g.selected = esimTourist(lang);
                g.deviceDigits = "8904 9032 1234 5123 4512 3456 7890 1235";
                g.deviceCount = 32;
                v.goods = g.build();
                b.services = v.build();
                b.message = FlowMessage.error("goods.device.eid_check_digits");
            }
            case GOODS_DETAILS -> {
                operator(b);
                ServicesBuilder v = services(Service.ESIM);
                GoodsBuilder g = goods(Service.ESIM);
                g.selected = esimTourist(lang);
                g.deviceDigits = "4901 5420 3237 518";
                g.deviceCount = 15;
                g.deviceKind = "IMEI";
                v.goods = g.build();
                v.selected = item(g.selected);
                b.services = v.build();
            }
            case GOODS_DONE -> {
                operator(b);
                b.txnId = "0042-000318";
                b.paymentStatus = PaymentStatus.CREDITED;
                b.receipt = ReceiptState.PRINTING;
                ServicesBuilder v = services(Service.ESIM);
                GoodsBuilder g = goods(Service.ESIM);
                g.selected = esimTourist(lang);
                g.activationCode = ESIM_CODE;
                g.smdpAddress = "rsp.carrier-sim.test";
                g.matchingId = "Q7K2-9XMD-4PLR-T8WA";
                g.newNumber = "+7 915 700-00-17";
                v.goods = g.build();
                b.services = v.build();
            }
            case CREDIT_VOUCHER -> {
                settled(cash(limits(operator(number(b)))));
                b.creditCode = "4830 2917 5560";
                b.creditAmount = Money.rub(600);
                b.receipt = ReceiptState.PRINTED;
            }
            // Auto top-up and recent payments (one-time codes)
            case AUTO_TOPUP_THRESHOLD, AUTO_TOPUP_AMOUNT, AUTO_TOPUP_SUMMARY, OTP_SENDING, OTP_ENTRY, OTP_CHECKING,
                    AUTO_TOPUP_SUBMITTING, AUTO_TOPUP_DONE, HISTORY_LIST -> accountScreens(number(b), screen);
        }
        return b;
    }

    /** The one-time-code services mid-way, as a customer with +7 916 123-45-67 would see them. */
    private static void accountScreens(Builder b, Screen screen) {
        b.toBalance = null;
        Service service = screen == Screen.HISTORY_LIST ? Service.HISTORY : Service.AUTO_TOPUP;
        AccountBuilder a = new AccountBuilder();
        switch (screen) {
            case AUTO_TOPUP_THRESHOLD -> a.choices = List.of(Money.rub(50), Money.rub(100), Money.rub(200),
                    Money.rub(300));
            case AUTO_TOPUP_AMOUNT -> {
                a.choices = List.of(Money.rub(100), Money.rub(200), Money.rub(300), Money.rub(500), Money.rub(1000));
                a.threshold = Money.rub(50);
                a.amount = Money.rub(300);
            }
            case AUTO_TOPUP_SUMMARY, AUTO_TOPUP_SUBMITTING -> {
                a.threshold = Money.rub(50);
                a.amount = Money.rub(300);
            }
            case OTP_SENDING, OTP_CHECKING -> a.code("4829", 2);
            case OTP_ENTRY -> {
                a.code("4829", 2);
                b.message = FlowMessage.error("otp.wrong_code", 2);
            }
            case AUTO_TOPUP_DONE -> {
                a.threshold = Money.rub(50);
                a.amount = Money.rub(300);
                a.enrolmentId = "0042-Amhx2k1q-1";
                a.ruleId = "AT00000002";
                a.replaced = new AccountView.Rule(Money.rub(100), Money.rub(500));
                b.paymentStatus = PaymentStatus.CREDITED;
                b.receipt = ReceiptState.PRINTING;
                b.qrPayload = "https://topup.example/t/0042-Amhx2k1q-1";
            }
            case HISTORY_LIST -> {
                java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 11, 21, 18, 42);
                a.rows = List.of(
                        new AccountView.Row("0042-000317", at, AccountView.Kind.TOPUP, "MTS", Money.rub(600), null,
                                AccountView.Status.CREDITED, false, true),
                        new AccountView.Row("0042-Amhx2k1q-1", at.minusDays(1), AccountView.Kind.AUTO_TOPUP, null,
                                Money.rub(300), Money.rub(50), AccountView.Status.ACTIVE, false, false),
                        new AccountView.Row("0042-Vmhw9a2c-4", at.minusDays(3), AccountView.Kind.SCRATCH_CARD, "MTS",
                                Money.rub(500), null, AccountView.Status.UNCONFIRMED, false, false),
                        new AccountView.Row("0042-000298", at.minusDays(12), AccountView.Kind.PACKAGE, "MTS",
                                Money.rub(1500), null, AccountView.Status.REFUSED, true, false));
                a.total = 6;
                a.pages = 2;
                b.message = FlowMessage.info("history.printed");
            }
            default -> { }
        }
        b.services = new ServicesView(service, List.of(), null, null, null, List.of(), 0, 1, null, "", 0, null, null,
                null, null, null, a.build(), null);
    }

    /** The one-time-code part of a snapshot, shaped by a test. */
    static final class AccountBuilder {
        List<Money> choices = List.of();
        Money threshold;
        Money amount;
        String codeSentTo;
        int codeLength;
        String codeTyped = "";
        java.time.LocalTime codeExpires;
        int attemptsLeft = -1;
        boolean codeDead;
        String enrolmentId;
        String ruleId;
        AccountView.Rule replaced;
        List<AccountView.Row> rows = List.of();
        int page;
        int pages = 1;
        int total;
        String reprinting;

        AccountBuilder code(String typed, int attemptsLeft) {
            codeSentTo = "+7 916 ***-**-67";
            codeLength = 6;
            codeTyped = typed;
            codeExpires = java.time.LocalTime.of(10, 5);
            this.attemptsLeft = attemptsLeft;
            return this;
        }

        AccountView build() {
            return new AccountView(choices, threshold, amount, codeSentTo, codeLength, codeTyped, codeExpires,
                    attemptsLeft, codeDead, enrolmentId, ruleId, replaced, rows, page, pages, total, reprinting);
        }
    }

    /** The service part of a snapshot, shaped by a test. */
    static final class ServicesBuilder {
        Service service;
        List<ServicesView.OperatorTile> operators = List.of();
        Money balance;
        java.time.LocalDate balanceExpires;
        List<ServicesView.PackageView> packages = List.of();
        int page;
        int pages = 1;
        ServicesView.PackageView selected;
        String pinMask = "";
        int pinLength;
        Money voucherNominal;
        String voucherOperator;
        String voucherSerial;
        ServicesView.PromoView promo;
        // Find my number.
        SimLookupView sim;
        // e-PIN and eSIM.
        GoodsView goods;
        // Auto top-up and recent payments.
        AccountView account;

        ServicesView build() {
            return new ServicesView(service, operators, null, balance, balanceExpires, packages, page, pages, selected,
                    pinMask, pinLength, voucherNominal, voucherOperator, voucherSerial, promo, goods, account, sim);
        }
    }

    // Find my number ------------------------------------------------------------------------------------------------

    static SimLookupView sim(SimLookupView.Phase phase, boolean readerReady, boolean cardInSlot) {
        return new SimLookupView(phase, readerReady, cardInSlot, null, false, null, null, null, false, null, null);
    }

    /**
     * A number found, the card still in: by the carrier for a card without one (Beeline, confirmed), or stored on the
     * card with the operator only the card's network says (not confirmed).
     */
    static SimLookupView found(Lang lang, boolean confirmed, FlowSnapshot.ReceiptState slip) {
        return new SimLookupView(SimLookupView.Phase.FOUND, false, true, Msisdn.of("+79031000003"), !confirmed, "beeline",
                lang == Lang.RU ? "Билайн" : lang == Lang.ZH ? "比莱恩" : "Beeline", "#FFB800", confirmed, null, slip);
    }

    static ServicesView simServices(SimLookupView sim) {
        ServicesBuilder v = services(Service.FIND_NUMBER);
        v.sim = sim;
        return v.build();
    }

    private static ServicesView simReady(Service service) {
        ServicesBuilder v = services(service);
        v.sim = sim(SimLookupView.Phase.WAITING, true, false);
        return v.build();
    }

    // e-PIN and eSIM (issue 7) ------------------------------------------------------------------------------------

    /** A valid SGP.22 code as the simulator makes them. */
    static final String ESIM_CODE = "LPA:1$rsp.carrier-sim.test$Q7K2-9XMD-4PLR-T8WA";

    /** The goods part of a snapshot, shaped by a test. */
    static final class GoodsBuilder {
        Service service;
        List<GoodsView.Offer> offers = List.of();
        int page;
        int pages = 1;
        GoodsView.Offer selected;
        String deviceDigits = "";
        int deviceCount;
        String deviceKind;
        String pin;
        String serial;
        java.time.LocalDate expiresOn;
        String activationCode;
        String smdpAddress;
        String matchingId;
        String newNumber;
        String claimCode;
        String claimPayload;
        Money change;
        String changeCode;

        GoodsView build() {
            return new GoodsView(service, offers, page, pages, selected, deviceDigits, deviceCount,
                    deviceKind, pin, serial, expiresOn, activationCode, smdpAddress, matchingId, newNumber, claimCode,
                    claimPayload, change, changeCode);
        }
    }

    static GoodsBuilder goods(Service service) {
        GoodsBuilder g = new GoodsBuilder();
        g.service = service;
        return g;
    }

    static GoodsView.Offer esimTourist(Lang lang) {
        return esimOffer("mts-esim-tourist-7d", lang, 10240, 100, 7, 500, "Турист: 10 ГБ и 100 минут на 7 дней",
                "Tourist: 10 GB and 100 minutes for 7 days", "旅游：10 GB + 100 分钟（7天）");
    }

    static GoodsView.Offer esimOffer(String id, Lang lang, long mb, long min, int days, long rub,
                                                         String ru, String en, String zh) {
        String title = lang == Lang.RU ? ru : lang == Lang.EN ? en : zh;
        return new GoodsView.Offer(id, title, "esim", Money.rub(rub), Money.ZERO_RUB, Money.rub(rub),
                mb, min, days);
    }

    static GoodsView.Offer epinOffer(Lang lang, long rub, long fee) {
        String title = switch (lang) {
            case RU -> "e-PIN на " + rub + " ₽";
            case EN -> "e-PIN " + rub + " ₽";
            case ZH -> rub + " ₽ 电子充值码";
        };
        return new GoodsView.Offer("beeline-epin-" + rub, title, "epin", Money.rub(rub),
                Money.rub(fee), Money.rub(rub + fee), 0, 0, 365);
    }

    /** The offer as the shared cash and confirm screens see it (the services' selected item). */
    static ServicesView.PackageView item(GoodsView.Offer o) {
        return new ServicesView.PackageView(o.id(), o.title(), o.kind(), "unlimited", o.dataMb(), o.voiceMinutes(),
                o.price(), o.fee(), o.cashNeeded());
    }

    static ServicesBuilder services(Service service) {
        ServicesBuilder v = new ServicesBuilder();
        v.service = service;
        return v;
    }

    private static ServicesView promo(Lang lang, Money bonus, boolean applies) {
        ServicesBuilder v = services(Service.TOPUP);
        String title = switch (lang) {
            case RU -> "+10% к пополнению от 500 ₽";
            case EN -> "+10% on top-ups of 500 ₽ or more";
            case ZH -> "充值满 500 ₽ 赠送 10%";
        };
        v.promo = new ServicesView.PromoView("mts-bonus10-500", title, 10, Money.rub(500), bonus, applies);
        return v.build();
    }

    private static ServicesView.PackageView pkg(String id, Lang lang, String kind, String period, long mb, long min,
                                                long rub, String ru, String en, String zh) {
        String title = lang == Lang.RU ? ru : lang == Lang.EN ? en : zh;
        return new ServicesView.PackageView(id, title, kind, period, mb, min, Money.rub(rub), Money.ZERO_RUB,
                Money.rub(rub));
    }

    /** After submit or cancel the cash belongs to the order or the voucher: the flow reports none in the kiosk. */
    private static Builder settled(Builder b) {
        b.cashInserted = Money.ZERO_RUB;
        return b;
    }

    private static Builder number(Builder b) {
        b.numberDigits = "9161234567";
        b.msisdn = Msisdn.of("+79161234567");
        return b;
    }

    private static Builder operator(Builder b) {
        b.operatorId = "mts";
        b.operatorName = "MTS";
        b.operatorColor = "#E30611";
        return b;
    }

    private static Builder limits(Builder b) {
        b.minAmount = Money.rub(10);
        b.maxAmount = Money.rub(15000);
        b.cashLimit = Money.rub(15000);
        b.acceptedNotes = List.of(Money.rub(50), Money.rub(100), Money.rub(200), Money.rub(500), Money.rub(1000),
                Money.rub(2000), Money.rub(5000));
        return b;
    }

    private static Builder cash(Builder b) {
        b.cashInserted = Money.rub(600);
        b.fee = Money.rub(12);
        b.toBalance = Money.rub(588);
        b.amount = Money.rub(588);
        return b;
    }
}
