package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.flow.account.AccountServices;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.flow.scratch.ScratchCards;
import org.topupkiosk.flow.scratch.VoucherDesk;
import org.topupkiosk.flow.scratch.VoucherState;
import org.topupkiosk.flow.topup.CarrierCheck;

/**
 * The service screens around the top-up: home tiles, operator tiles, balance and packages (scratch cards are in
 * {@link ScratchCards}), plus the promotion shown before paying. It runs on the flow thread as part of
 * {@link TopUpFlow} and moves screens only through the flow ({@link FlowHost}), so the one transition table still rules
 * every move. Money stays with the flow: a package is
 * paid through the same cash screens, journal and outbox as a top-up.
 */
final class CustomerServices {

    /** Packages per page; the list scrolls with big arrows, not a scrollbar (SCREENS.md). */
    static final int PACKAGES_PER_PAGE = 4;

    private final FlowHost host;
    private final CarrierCalls calls;
    private final CarrierGateway carrier;
    private final Catalog catalog;
    private final FlowSettings settings;
    private final ScratchCards cards;
    private final Clock clock;
    // Auto top-up and recent payments (one-time codes)
    private final AccountServices account;

    CustomerServices(FlowHost host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier, Catalog catalog,
                     FlowSettings settings, ReceiptDesk receipts, VoucherDesk vouchers, Clock clock,
                     org.topupkiosk.journal.Journal journal) {
        this.host = host;
        this.calls = calls;
        this.carrier = carrier;
        this.catalog = catalog;
        this.settings = settings;
        this.cards = new ScratchCards(host, flow, calls, carrier, catalog, settings, receipts, vouchers);
        this.clock = clock;
        this.account = new AccountServices(host, flow, calls, carrier, catalog, settings, receipts, journal,
                clock);
    }

    /** e-PIN and eSIM sales; the flow attaches them once, after construction (they need the journal). */
    private GoodsSales goods;

    void attachGoods(GoodsSales goods) {
        this.goods = goods;
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
            case VOUCHER_PIN, VOUCHER_CHECKING, VOUCHER_CONFIRM -> cards.handle(screen, c);
            case AUTO_TOPUP_THRESHOLD, AUTO_TOPUP_AMOUNT, AUTO_TOPUP_SUMMARY, OTP_SENDING, OTP_ENTRY, OTP_CHECKING,
                    AUTO_TOPUP_SUBMITTING, AUTO_TOPUP_DONE, HISTORY_LIST -> account.handle(screen, c);
            case GOODS_OPERATOR, GOODS_LOADING, GOODS_LIST, ESIM_DEVICE, GOODS_DETAILS, GOODS_DONE -> goods.handle(screen, c);
            default -> false;
        };
    }

    /**
     * A scratch card's PIN read by the scanner on the home or PIN screen: the scratch-card service with the PIN filled
     * in, straight to the carrier's validation (the same step as typing it and pressing Next).
     */
    void scratchPinScanned(String pin) {
        Session s = host.session();
        if (host.screen() == HOME) {
            forgetServiceState(s);
            s.service = Service.VOUCHER;
            host.moveTo(VOUCHER_PIN);
        }
        cards.pinScanned(pin);
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
                case FIND_NUMBER -> host.moveTo(SIM_INSERT); // FindMyNumber starts the look-up on entry
                case AUTO_TOPUP, HISTORY -> account.start(s, cs.service());
                case EPIN, ESIM -> goods.start(cs.service());
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
        ServicesState.of(s).balance = null;
        s.product = null;
        ServicesState.of(s).packages = List.of();
        ServicesState.of(s).packagePage = 0;
        VoucherState.of(s).voucher = null;
        VoucherState.of(s).pin.setLength(0);
        VoucherState.of(s).redemptionId = null;
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
            cards.redeem(msisdn);
            return true;
        }
        if (account.numberTyped(msisdn)) {
            return true;
        }
        return false;
    }

    // Balance ---------------------------------------------------------------------------------------------------------

    private void queryBalance(Msisdn msisdn) {
        Session s = host.session();
        s.msisdn = msisdn;
        ServicesState.of(s).balance = null;
        long token = s.token;
        host.moveTo(CHECKING_NUMBER);
        host.step(calls.call("balance", () -> carrier.balance(msisdn), settings.carrierCheckTimeout(), r -> {
            if (!current(token, CHECKING_NUMBER)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<Balance> ok) {
                ServicesState.of(s).balance = ok.value();
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
                ServicesState.of(s).packages = sellable(ok.value(), operator);
                ServicesState.of(s).packagePage = 0;
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
            Optional<CatalogEntry> p = ServicesState.of(s).packages.stream().filter(e -> e.productId().equals(cp.productId())).findFirst();
            if (p.isEmpty()) {
                return false;
            }
            s.product = p.get();
            host.moveTo(PACKAGE_DETAILS);
        } else if (c instanceof Page pg) {
            ServicesState.of(s).packagePage = TouchInput.turn(ServicesState.of(s).packagePage, pg.delta(), ServicesState.of(s).packages.size(), PACKAGES_PER_PAGE);
        } else if (c instanceof Back) {
            ServicesState.of(s).packages = List.of();
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
        return TouchInput.pages(items, PACKAGES_PER_PAGE);
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
        int pages = pages(ServicesState.of(s).packages.size());
        if (screen == PACKAGE_LIST) {
            for (CatalogEntry e : TouchInput.page(ServicesState.of(s).packages, ServicesState.of(s).packagePage, PACKAGES_PER_PAGE)) {
                page.add(packageView(e, s.operator, lang));
            }
        }
        VoucherInfo v = VoucherState.of(s).voucher;
        String voucherOperator = v == null ? null : catalog.operator(v.operatorId()).map(o -> o.name(lang.code()))
                .orElse(v.operatorId());
        ServicesView base = new ServicesView(s.service, tiles, s.hintOperatorId,
                ServicesState.of(s).balance == null ? null : ServicesState.of(s).balance.amount(), ServicesState.of(s).balance == null ? null : ServicesState.of(s).balance.expiresOn(),
                page, ServicesState.of(s).packagePage, pages,
                s.product == null ? null : packageView(s.product, s.operator, lang),
                ScratchCards.maskPin(VoucherState.of(s).pin.length()), VoucherState.of(s).pin.length(),
                v == null ? null : v.nominal(), voucherOperator, v == null ? null : v.serial(),
                promo(s, screen, lang), null, account.view(s, screen, lang), null);
        return goods == null ? base : goods.withView(base, s, screen, lang);
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

    /** The message for a failed carrier call: its refusal when it refused, else "not answering" in this service's words. */
    private static String failureKey(CarrierCalls.Result<?> r, String unavailableKey) {
        if (r instanceof CarrierCalls.Result.Failed<?> f && f.error().kind() == CarrierException.Kind.REFUSED) {
            return CarrierCheck.refusalKey(f.error().code());
        }
        return unavailableKey;
    }
}
