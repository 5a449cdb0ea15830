package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.carrier.VoucherInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.flow.account.AccountServices;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServiceOffer;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.flow.packages.BalanceAndPackages;
import org.topupkiosk.flow.scratch.ScratchCards;
import org.topupkiosk.flow.scratch.VoucherDesk;
import org.topupkiosk.flow.scratch.VoucherState;
import org.topupkiosk.journal.Journal;

/**
 * The service screens around the top-up: home tiles and operator tiles, the dispatch to the services (balance and
 * packages in {@link BalanceAndPackages}, scratch cards in {@link ScratchCards}, the account services, e-PIN and eSIM),
 * plus the promotion shown before paying. It runs on the flow thread as part of {@link TopUpFlow} and moves screens
 * only through the flow ({@link FlowHost}), so the one transition table still rules every move. Money stays with the
 * flow: a package is paid through the same cash screens, journal and outbox as a top-up.
 */
final class CustomerServices {

    private static final Logger log = LoggerFactory.getLogger(CustomerServices.class);

    private final FeatureContext ctx;
    private final FlowHost host;
    private final BalanceAndPackages packages;
    private final ScratchCards cards;
    // Auto top-up and recent payments (one-time codes)
    private final AccountServices account;

    CustomerServices(FeatureContext ctx, VoucherDesk vouchers, Journal journal) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.packages = new BalanceAndPackages(ctx);
        this.cards = new ScratchCards(ctx, vouchers);
        this.account = new AccountServices(ctx, journal);
        this.offer = new ServiceOffer(ctx.carrier().capabilities(), false);
    }

    /** What the home screen offers: the gateway's capabilities, and "find my number" once a SIM reader is attached. */
    private volatile ServiceOffer offer;

    void simReaderAttached() {
        offer = new ServiceOffer(ctx.carrier().capabilities(), true);
    }

    ServiceOffer offer() {
        return offer;
    }

    /**
     * A service the gateway cannot serve, asked for anyway (a stale tap, a scanned code): the customer is told, and
     * nothing is sent to the carrier. True when {@code service} is offered.
     */
    boolean offered(Service service) {
        if (offer.offers(service)) {
            return true;
        }
        log.info("service {} is not offered by this kiosk's carrier gateway: refused", service);
        host.say(FlowMessage.warning("service.not_offered"));
        return false;
    }

    /** e-PIN and eSIM sales; the flow attaches them once, after construction (they need the journal). */
    private GoodsSales goods;

    void attachGoods(GoodsSales goods) {
        this.goods = goods;
    }

    LocalDate today() {
        return LocalDate.now(ctx.clock());
    }

    /** Commands on the service screens; false when the command does not belong to the screen. */
    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case HOME -> onHome(c);
            case OPERATOR_CHOICE -> onOperatorChoice(c);
            case BALANCE_RESULT -> packages.onBalanceResult(c);
            case PACKAGE_LIST -> packages.onPackageList(c);
            case PACKAGE_DETAILS -> packages.onPackageDetails(c);
            case VOUCHER_PIN, VOUCHER_CHECKING, VOUCHER_CONFIRM -> cards.handle(screen, c);
            case AUTO_TOPUP_THRESHOLD, AUTO_TOPUP_AMOUNT, AUTO_TOPUP_SUMMARY, OTP_SENDING, OTP_ENTRY, OTP_CHECKING,
                    AUTO_TOPUP_SUBMITTING, AUTO_TOPUP_DONE, HISTORY_LIST -> account.handle(screen, c);
            case GOODS_OPERATOR, GOODS_LOADING, GOODS_LIST, ESIM_DEVICE, GOODS_DETAILS, GOODS_DONE ->
                    goods.handle(screen, c);
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
            if (!offered(Service.VOUCHER)) {
                return;
            }
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
            if (!offered(cs.service())) {
                return true;
            }
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
        } else {
            return host.backOrStartOver(c, () -> {
                host.say(null);
                host.moveTo(LANGUAGE);
            });
        }
        return true;
    }

    /** A new service from the home screen starts clean; only the typed number stays, to save the customer typing. */
    private static void forgetServiceState(Session s) {
        s.msisdn = null;
        s.operator = null;
        s.hintOperatorId = null;
        s.product = null;
        BalanceAndPackages.forget(s);
        VoucherState voucher = VoucherState.of(s);
        voucher.voucher = null;
        voucher.pin.setLength(0);
        voucher.redemptionId = null;
        s.amountDigits.setLength(0);
    }

    private boolean onOperatorChoice(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseOperator co) {
            if (ctx.catalog().operator(co.operatorId()).isEmpty()) {
                return false;
            }
            s.hintOperatorId = co.operatorId();
            host.moveTo(NUMBER_ENTRY);
        } else if (c instanceof Next) {
            // "Not sure": the number range and the carrier will tell.
            s.hintOperatorId = null;
            host.moveTo(NUMBER_ENTRY);
        } else {
            return host.backOrStartOver(c, () -> host.moveTo(HOME));
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

    /** After a payable check for a package: the carrier's catalog for that operator, still on the progress screen. */
    void loadPackages(long token, Operator operator) {
        packages.loadPackages(token, operator);
    }

    /** Next on the number screen for services that do not start with the account check; false to let the flow check. */
    boolean numberTyped(Msisdn msisdn) {
        Session s = host.session();
        if (s.service == Service.BALANCE) {
            packages.queryBalance(msisdn);
            return true;
        }
        if (s.service == Service.VOUCHER) {
            cards.redeem(msisdn);
            return true;
        }
        return account.numberTyped(msisdn);
    }

    // Promotions ------------------------------------------------------------------------------------------------------

    /**
     * The promotion a top-up of what the session will put on the balance earns now; null when none (or not a top-up).
     */
    Promotion promotionAtSubmit(Session s) {
        if (s.service != Service.TOPUP || s.operator == null || s.product != null) {
            return null;
        }
        return ctx.catalog().promotionFor(s.operator.id(), s.toBalance(), today()).orElse(null);
    }

    // Snapshot --------------------------------------------------------------------------------------------------------

    /** The service part of the snapshot for this session and screen. */
    ServicesView view(Session s, Screen screen, Lang lang) {
        if (s == null) {
            return null;
        }
        List<ServicesView.OperatorTile> tiles = new ArrayList<>();
        if (screen == OPERATOR_CHOICE) {
            for (Operator o : ctx.catalog().operators()) {
                tiles.add(new ServicesView.OperatorTile(o.id(), o.name(lang.code()), o.color()));
            }
        }
        BalanceAndPackages.View p = packages.view(s, screen, lang);
        VoucherState voucher = VoucherState.of(s);
        VoucherInfo v = voucher.voucher;
        String voucherOperator = v == null ? null
                : ctx.catalog().operator(v.operatorId()).map(o -> o.name(lang.code())).orElse(v.operatorId());
        ServicesView base = new ServicesView(s.service, tiles, s.hintOperatorId, p.balance(), p.balanceExpires(),
                p.page(), p.pageIndex(), p.pages(), p.selected(),
                ScratchCards.maskPin(voucher.pin.length()), voucher.pin.length(),
                v == null ? null : v.nominal(), voucherOperator, v == null ? null : v.serial(),
                promo(s, screen, lang), null, account.view(s, screen, lang), null, offer.offered());
        return goods == null ? base : goods.withView(base, s, screen, lang);
    }

    /**
     * The promotion to show: on the amount screen for the typed amount, later for what the cash puts on the balance.
     */
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
        Optional<Promotion> applies = ctx.catalog().promotionFor(s.operator.id(), amount, today());
        if (applies.isPresent()) {
            Promotion p = applies.get();
            return new ServicesView.PromoView(p.id(), p.title(lang.code()), p.bonusPercent(), p.minAmount(),
                    p.bonusFor(amount), true);
        }
        return ctx.catalog().runningPromotion(s.operator.id(), today()).map(p -> new ServicesView.PromoView(p.id(),
                p.title(lang.code()), p.bonusPercent(), p.minAmount(), Money.zero(amount.currency()), false))
                .orElse(null);
    }
}
