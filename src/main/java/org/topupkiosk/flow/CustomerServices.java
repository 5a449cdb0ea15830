package org.topupkiosk.flow;

import static org.topupkiosk.flow.Screen.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.flow.FlowCommand.*;

/**
 * The service screens around the top-up: home tiles, operator tiles, balance, packages and scratch cards, plus the
 * promotion shown before paying. It runs on the flow thread as part of {@link TopUpFlow} and moves screens only through
 * the flow ({@link Host}), so the one transition table still rules every move. Money stays with the flow: a package is
 * paid through the same cash screens, journal and outbox as a top-up.
 */
final class CustomerServices {

    private static final Logger log = LoggerFactory.getLogger(CustomerServices.class);

    /** Packages per page; the list scrolls with big arrows, not a scrollbar (SCREENS.md). */
    static final int PACKAGES_PER_PAGE = 4;
    /** Wrong PINs in one session before the kiosk stops asking (a scratch card PIN must not be guessable here). */
    static final int MAX_WRONG_PINS = 3;
    static final int PIN_MIN = 10;
    static final int PIN_MAX = 20;
    /** A redemption with no answer is asked again under the same id this many times before it is reported unknown. */
    static final int REDEEM_RETRIES = 2;

    /** What the services need of the flow; implemented by {@link TopUpFlow} on its own thread. */
    interface Host {
        Session session();

        Screen screen();

        Lang lang();

        void moveTo(Screen next);

        void say(FlowMessage message);

        void publish();

        boolean endSession();

        /** Checks the typed number with the carrier (CHECKING_NUMBER), as the top-up does. */
        void checkNumber();

        /** Opens the order for the session's number, operator and product, and goes to the cash screen. */
        void startPayment();

        void step(FlowExecutor.Timer timer);

        void cancelStep();

        /** Prints a receipt, then goes to DONE as a payment's receipt does. */
        void printed(long token, boolean ok);

        String lookupLink(String id);
    }

    private final Host host;
    private final FlowExecutor flow;
    private final CarrierCalls calls;
    private final CarrierGateway carrier;
    private final Catalog catalog;
    private final FlowSettings settings;
    private final ReceiptDesk receipts;
    private final VoucherDesk vouchers;
    private Clock clock;

    CustomerServices(Host host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier, Catalog catalog,
                     FlowSettings settings, ReceiptDesk receipts, VoucherDesk vouchers, Clock clock) {
        this.host = host;
        this.flow = flow;
        this.calls = calls;
        this.carrier = carrier;
        this.catalog = catalog;
        this.settings = settings;
        this.receipts = receipts;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Commands on the service screens; false when the command does not belong to the screen. */
    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case HOME -> onHome(c);
            case OPERATOR_CHOICE -> onOperatorChoice(c);
            case BALANCE_RESULT -> onBalanceResult(c);
            case PACKAGE_LIST -> onPackageList(c);
            case PACKAGE_DETAILS -> onPackageDetails(c);
            case VOUCHER_PIN -> onVoucherPin(c);
            case VOUCHER_CHECKING -> c instanceof Back || c instanceof StartOver ? leaveVoucherCheck(c) : false;
            case VOUCHER_CONFIRM -> onVoucherConfirm(c);
            default -> false;
        };
    }

    // Home and operator tiles -----------------------------------------------------------------------------------------

    private boolean onHome(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseService cs) {
            forgetServiceState(s);
            s.service = cs.service();
            host.say(null);
            switch (cs.service()) {
                case TOPUP -> host.moveTo(OPERATOR_CHOICE);
                case PACKAGE, BALANCE -> host.moveTo(NUMBER_ENTRY);
                case VOUCHER -> host.moveTo(VOUCHER_PIN);
            }
        } else if (c instanceof Back) {
            host.say(null);
            host.moveTo(LANGUAGE);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    /** A new service from the home screen starts clean; only the typed number stays, to save the customer typing. */
    private static void forgetServiceState(Session s) {
        s.msisdn = null;
        s.operator = null;
        s.hintOperatorId = null;
        s.balance = null;
        s.product = null;
        s.packages = List.of();
        s.packagePage = 0;
        s.voucher = null;
        s.voucherPin.setLength(0);
        s.redemptionId = null;
        s.amountDigits.setLength(0);
    }

    private boolean onOperatorChoice(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseOperator co) {
            if (catalog.operator(co.operatorId()).isEmpty()) {
                return false;
            }
            s.hintOperatorId = co.operatorId();
            host.moveTo(NUMBER_ENTRY);
        } else if (c instanceof Next) {
            // "Not sure": the number range and the carrier will tell.
            s.hintOperatorId = null;
            host.moveTo(NUMBER_ENTRY);
        } else if (c instanceof Back) {
            host.moveTo(HOME);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    /** Where Back on the number screen leads, by service. */
    Screen numberBack() {
        return switch (host.session().service) {
            case TOPUP -> OPERATOR_CHOICE;
            case VOUCHER -> VOUCHER_CONFIRM;
            default -> HOME;
        };
    }

    /** Next on the number screen for services that do not start with the account check; false to let the flow check. */
    boolean numberTyped(Msisdn msisdn) {
        Session s = host.session();
        if (s.service == Service.BALANCE) {
            queryBalance(msisdn);
            return true;
        }
        if (s.service == Service.VOUCHER) {
            redeem(msisdn);
            return true;
        }
        return false;
    }

    // Balance ---------------------------------------------------------------------------------------------------------

    private void queryBalance(Msisdn msisdn) {
        Session s = host.session();
        s.msisdn = msisdn;
        s.balance = null;
        long token = s.token;
        host.moveTo(CHECKING_NUMBER);
        host.step(calls.call("balance", () -> carrier.balance(msisdn), settings.carrierCheckTimeout(), r -> {
            if (!current(token, CHECKING_NUMBER)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<Balance> ok) {
                s.balance = ok.value();
                s.operator = catalog.operator(ok.value().operatorId()).orElse(null);
                host.say(null);
                host.moveTo(BALANCE_RESULT);
            } else {
                host.say(FlowMessage.error(failureKey(r, "balance.unavailable")));
                host.moveTo(NUMBER_ENTRY);
            }
            host.publish();
        }));
    }

    private boolean onBalanceResult(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseService cs && cs.service() == Service.TOPUP) {
            // "Top up this number": the same number goes through the top-up's own check.
            s.service = Service.TOPUP;
            s.hintOperatorId = s.operator == null ? null : s.operator.id();
            host.checkNumber();
        } else if (c instanceof Back) {
            s.service = Service.TOPUP;
            host.moveTo(HOME);
        } else if (c instanceof Finish || c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    // Packages --------------------------------------------------------------------------------------------------------

    /** After a payable check for a package: the carrier's catalog for that operator, still on the progress screen. */
    void loadPackages(long token, Operator operator) {
        Session s = host.session();
        host.step(calls.call("catalog", () -> carrier.catalog(operator.id()), settings.carrierCheckTimeout(), r -> {
            if (!current(token, CHECKING_NUMBER)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<List<CatalogEntry>> ok && !sellable(ok.value(), operator).isEmpty()) {
                s.packages = sellable(ok.value(), operator);
                s.packagePage = 0;
                host.say(null);
                host.moveTo(PACKAGE_LIST);
            } else if (r instanceof CarrierCalls.Result.Ok) {
                host.say(FlowMessage.error("packages.none"));
                host.moveTo(NUMBER_ENTRY);
            } else {
                host.say(FlowMessage.error(failureKey(r, "packages.unavailable")));
                host.moveTo(NUMBER_ENTRY);
            }
            host.publish();
        }));
    }

    /** Only this operator's RUB packages within its single-payment maximum; anything else is not for sale here. */
    private static List<CatalogEntry> sellable(List<CatalogEntry> entries, Operator operator) {
        List<CatalogEntry> out = new ArrayList<>();
        for (CatalogEntry e : entries) {
            if (operator.id().equals(e.operatorId()) && Money.RUB.equals(e.price().currency())
                    && !e.price().greaterThan(operator.maxAmount())) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean onPackageList(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseProduct cp) {
            Optional<CatalogEntry> p = s.packages.stream().filter(e -> e.productId().equals(cp.productId())).findFirst();
            if (p.isEmpty()) {
                return false;
            }
            s.product = p.get();
            host.moveTo(PACKAGE_DETAILS);
        } else if (c instanceof Page pg) {
            int pages = pages(s.packages.size());
            s.packagePage = Math.max(0, Math.min(pages - 1, s.packagePage + Integer.signum(pg.delta())));
        } else if (c instanceof Back) {
            s.packages = List.of();
            host.moveTo(NUMBER_ENTRY);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    private boolean onPackageDetails(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            Money price = s.product.price();
            if (s.operator.fee().cashNeededFor(price).greaterThan(s.cashLimit)) {
                host.say(FlowMessage.error("packages.above_limit", s.cashLimit));
                return true;
            }
            s.amount = price;
            s.minAmount = price;
            host.say(null);
            host.startPayment();
        } else if (c instanceof Back) {
            s.product = null;
            host.say(null);
            host.moveTo(PACKAGE_LIST);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    static int pages(int items) {
        return Math.max(1, (items + PACKAGES_PER_PAGE - 1) / PACKAGES_PER_PAGE);
    }

    // Scratch cards ---------------------------------------------------------------------------------------------------

    private boolean onVoucherPin(FlowCommand c) {
        Session s = host.session();
        StringBuilder pin = s.voucherPin;
        if (c instanceof Digit d) {
            if (pin.length() < PIN_MAX) {
                pin.append(d.digit());
            }
            host.say(null);
        } else if (c instanceof Backspace) {
            if (!pin.isEmpty()) {
                pin.setLength(pin.length() - 1);
            }
            host.say(null);
        } else if (c instanceof Clear) {
            pin.setLength(0);
            host.say(null);
        } else if (c instanceof Next) {
            if (pin.length() < PIN_MIN) {
                host.say(FlowMessage.error("voucher.pin_short", Integer.toString(PIN_MIN)));
                return true;
            }
            validate();
        } else if (c instanceof Back) {
            pin.setLength(0);
            host.say(null);
            host.moveTo(HOME);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    private void validate() {
        Session s = host.session();
        String pin = s.voucherPin.toString();
        long token = s.token;
        host.say(null);
        host.moveTo(VOUCHER_CHECKING);
        host.step(calls.call("voucher-validate", () -> carrier.validateVoucher(pin), settings.carrierCheckTimeout(), r -> {
            if (!current(token, VOUCHER_CHECKING)) {
                return;
            }
            onValidated(r);
            host.publish();
        }));
    }

    private void onValidated(CarrierCalls.Result<VoucherInfo> r) {
        Session s = host.session();
        if (r instanceof CarrierCalls.Result.Ok<VoucherInfo> ok) {
            VoucherInfo v = ok.value();
            Optional<Operator> op = catalog.operator(v.operatorId());
            if (v.state() == VoucherInfo.State.USED) {
                refuseCard("voucher.used");
            } else if (v.state() == VoucherInfo.State.EXPIRED) {
                refuseCard("voucher.expired");
            } else if (op.isEmpty()) {
                refuseCard("voucher.other_operator");
            } else {
                s.voucher = v;
                s.operator = op.get();
                host.moveTo(VOUCHER_CONFIRM);
            }
        } else if (r instanceof CarrierCalls.Result.Failed<VoucherInfo> f
                && f.error().kind() == CarrierException.Kind.REFUSED) {
            s.wrongPins++;
            log.info("voucher PIN not known to the carrier attempt={}", s.wrongPins);
            if (s.wrongPins >= MAX_WRONG_PINS) {
                s.voucherPin.setLength(0);
                host.say(FlowMessage.error("voucher.too_many"));
                host.moveTo(HOME);
            } else {
                refuseCard("voucher.unknown");
            }
        } else {
            // Carrier down or silent: the PIN stays typed so the customer can try again in a moment.
            host.say(FlowMessage.error("voucher.unavailable"));
            host.moveTo(VOUCHER_PIN);
        }
    }

    private void refuseCard(String key) {
        Session s = host.session();
        s.voucherPin.setLength(0);
        s.voucher = null;
        host.say(FlowMessage.error(key));
        host.moveTo(VOUCHER_PIN);
    }

    private boolean leaveVoucherCheck(FlowCommand c) {
        host.cancelStep();
        if (c instanceof StartOver) {
            return host.endSession();
        }
        host.moveTo(VOUCHER_PIN);
        return true;
    }

    private boolean onVoucherConfirm(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            host.moveTo(NUMBER_ENTRY);
        } else if (c instanceof Back) {
            s.voucher = null;
            s.voucherPin.setLength(0);
            host.moveTo(VOUCHER_PIN);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    private void redeem(Msisdn msisdn) {
        Session s = host.session();
        s.msisdn = msisdn;
        if (s.redemptionId == null) {
            s.redemptionId = vouchers.newRedemptionId();
        }
        vouchers.sending(s.redemptionId, s.voucher, msisdn);
        host.say(null);
        host.moveTo(SUBMITTING);
        attemptRedeem(s.token, s.voucherPin.toString(), msisdn, s.redemptionId, 0);
    }

    private void attemptRedeem(long token, String pin, Msisdn msisdn, String id, int attempt) {
        host.step(calls.call("voucher-redeem", () -> carrier.redeemVoucher(pin, msisdn, id), settings.carrierCheckTimeout(),
                r -> {
                    if (!current(token, SUBMITTING)) {
                        return;
                    }
                    onRedeemed(r, token, pin, msisdn, id, attempt);
                    host.publish();
                }));
    }

    private void onRedeemed(CarrierCalls.Result<VoucherRedemption> r, long token, String pin, Msisdn msisdn, String id,
                            int attempt) {
        Session s = host.session();
        if (r instanceof CarrierCalls.Result.Ok<VoucherRedemption> ok) {
            VoucherRedemption v = ok.value();
            vouchers.answered(v);
            if (v.status() == VoucherRedemption.Status.REDEEMED) {
                s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
                printVoucherReceipt(v.serial(), v.nominal());
            } else {
                // Refused: nothing was applied. A new attempt is a new redemption with its own id.
                s.redemptionId = null;
                refusedRedemption(v.refusalCode());
            }
            return;
        }
        boolean retryable = r instanceof CarrierCalls.Result.TimedOut
                || ((CarrierCalls.Result.Failed<VoucherRedemption>) r).error().retryable();
        if (retryable && attempt < REDEEM_RETRIES) {
            log.info("voucher redemption retried id={} attempt={}", id, attempt + 1);
            attemptRedeem(token, pin, msisdn, id, attempt + 1);
            return;
        }
        if (!retryable) {
            // The carrier refused the request itself (protocol): nothing applied.
            vouchers.unknown(id, "protocol-" + ((CarrierCalls.Result.Failed<VoucherRedemption>) r).error().code());
            s.redemptionId = null;
            host.say(FlowMessage.error("voucher.unavailable"));
            host.moveTo(VOUCHER_PIN);
            return;
        }
        vouchers.unknown(id, r instanceof CarrierCalls.Result.TimedOut ? "timeout"
                : ((CarrierCalls.Result.Failed<VoucherRedemption>) r).error().code());
        s.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
        host.say(FlowMessage.warning("voucher.unconfirmed", settings.supportPhone()));
        printVoucherReceipt(s.voucher.serial(), s.voucher.nominal());
    }

    private void refusedRedemption(String code) {
        Session s = host.session();
        String key = switch (code == null ? "" : code) {
            case "voucher-used" -> "voucher.used";
            case "voucher-expired" -> "voucher.expired";
            case "unknown-voucher" -> "voucher.unknown";
            case "operator-mismatch" -> "voucher.operator_mismatch";
            case "unknown-number" -> "check.refused.unknown_number";
            case "account-blocked" -> "check.refused.blocked";
            default -> "voucher.refused";
        };
        if (key.startsWith("voucher.") && !key.equals("voucher.operator_mismatch") && !key.equals("voucher.refused")) {
            refuseCard(key);
        } else {
            host.say(key.equals("voucher.operator_mismatch")
                    ? FlowMessage.error(key, s.operator == null ? "" : s.operator.name(host.lang().code()))
                    : FlowMessage.error(key));
            host.moveTo(NUMBER_ENTRY);
        }
    }

    private void printVoucherReceipt(String serial, Money nominal) {
        Session s = host.session();
        host.moveTo(RECEIPT);
        s.receipt = FlowSnapshot.ReceiptState.PRINTING;
        s.txnId = null;
        s.qrPayload = host.lookupLink(s.redemptionId);
        long token = s.token;
        receipts.printVoucher(s.redemptionId, s.operator, s.msisdn, serial, nominal, s.paymentStatus, host.lang(),
                ok -> flow.execute(() -> host.printed(token, ok)));
    }

    // Promotions ------------------------------------------------------------------------------------------------------

    /** The promotion a top-up of what the session will put on the balance earns now; null when none (or not a top-up). */
    Promotion promotionAtSubmit(Session s) {
        if (s.service != Service.TOPUP || s.operator == null || s.product != null) {
            return null;
        }
        return catalog.promotionFor(s.operator.id(), s.toBalance(), today()).orElse(null);
    }

    // Snapshot --------------------------------------------------------------------------------------------------------

    private boolean current(long token, Screen expected) {
        Session s = host.session();
        return s != null && s.token == token && host.screen() == expected;
    }

    /** The service part of the snapshot for this session and screen. */
    ServicesView view(Session s, Screen screen, Lang lang) {
        if (s == null) {
            return null;
        }
        List<ServicesView.OperatorTile> tiles = new ArrayList<>();
        if (screen == OPERATOR_CHOICE) {
            for (Operator o : catalog.operators()) {
                tiles.add(new ServicesView.OperatorTile(o.id(), o.name(lang.code()), o.color()));
            }
        }
        List<ServicesView.PackageView> page = new ArrayList<>();
        int pages = pages(s.packages.size());
        if (screen == PACKAGE_LIST) {
            int from = s.packagePage * PACKAGES_PER_PAGE;
            for (int i = from; i < Math.min(s.packages.size(), from + PACKAGES_PER_PAGE); i++) {
                page.add(packageView(s.packages.get(i), s.operator, lang));
            }
        }
        VoucherInfo v = s.voucher;
        String voucherOperator = v == null ? null : catalog.operator(v.operatorId()).map(o -> o.name(lang.code()))
                .orElse(v.operatorId());
        return new ServicesView(s.service, tiles, s.hintOperatorId,
                s.balance == null ? null : s.balance.amount(), s.balance == null ? null : s.balance.expiresOn(),
                page, s.packagePage, pages,
                s.product == null ? null : packageView(s.product, s.operator, lang),
                maskPin(s.voucherPin.length()), s.voucherPin.length(),
                v == null ? null : v.nominal(), voucherOperator, v == null ? null : v.serial(),
                promo(s, screen, lang));
    }

    private static ServicesView.PackageView packageView(CatalogEntry e, Operator op, Lang lang) {
        Money fee = op == null ? Money.zero(e.price().currency()) : op.fee().feeFor(op.fee().cashNeededFor(e.price()));
        Money cash = op == null ? e.price() : op.fee().cashNeededFor(e.price());
        String title = e.titles().getOrDefault(lang.code(), e.titles().getOrDefault("ru", e.productId()));
        return new ServicesView.PackageView(e.productId(), title, e.kind(), e.period(), e.dataMb(), e.voiceMinutes(),
                e.price(), fee, cash);
    }

    /** The promotion to show: on the amount screen for the typed amount, later for what the cash puts on the balance. */
    private ServicesView.PromoView promo(Session s, Screen screen, Lang lang) {
        if (s.service != Service.TOPUP || s.operator == null || s.product != null) {
            return null;
        }
        if (screen != AMOUNT_ENTRY && screen != CASH_INSERTION && screen != CONFIRM && screen != OPERATOR_CONFIRM
                && screen != SUBMITTING && screen != RECEIPT && screen != DONE) {
            return null;
        }
        Money amount = screen == AMOUNT_ENTRY ? s.typedAmount()
                : screen == OPERATOR_CONFIRM ? Money.ZERO_RUB
                : screen == CASH_INSERTION && !s.hasFunds() && s.amount != null ? s.amount : s.toBalance();
        if (screen == SUBMITTING || screen == RECEIPT || screen == DONE) {
            Promotion sent = s.promo;
            return sent == null ? null : new ServicesView.PromoView(sent.id(), sent.title(lang.code()),
                    sent.bonusPercent(), sent.minAmount(), sent.bonusFor(s.toBalance()), true);
        }
        Optional<Promotion> applies = catalog.promotionFor(s.operator.id(), amount, today());
        if (applies.isPresent()) {
            Promotion p = applies.get();
            return new ServicesView.PromoView(p.id(), p.title(lang.code()), p.bonusPercent(), p.minAmount(),
                    p.bonusFor(amount), true);
        }
        return catalog.runningPromotion(s.operator.id(), today()).map(p -> new ServicesView.PromoView(p.id(),
                p.title(lang.code()), p.bonusPercent(), p.minAmount(), Money.zero(amount.currency()), false))
                .orElse(null);
    }

    /** Bullets for the typed digits in groups of four, so the customer can count them and nobody can read them. */
    static String maskPin(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append('\u2022');
        }
        return out.toString();
    }

    /** The message for a failed carrier call: its refusal when it refused, else "not answering" in this service's words. */
    private static String failureKey(CarrierCalls.Result<?> r, String unavailableKey) {
        if (r instanceof CarrierCalls.Result.Failed<?> f && f.error().kind() == CarrierException.Kind.REFUSED) {
            return CarrierCheck.refusalKey(f.error().code());
        }
        return unavailableKey;
    }
}
