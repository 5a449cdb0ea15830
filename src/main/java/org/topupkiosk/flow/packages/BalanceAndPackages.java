package org.topupkiosk.flow.packages;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.flow.topup.CarrierCheck;

/**
 * A number's balance and the carrier's packages for it, on the flow thread: the balance asked of the carrier and
 * shown (with "top up this number"), the operator's sellable packages listed a page at a time, one package's details,
 * then the payment the top-up's cash screens take. Screens move only through the flow's {@link FlowHost}.
 */
public final class BalanceAndPackages {

    /** Packages per page; the list scrolls with big arrows, not a scrollbar (SCREENS.md). */
    public static final int PER_PAGE = 4;

    private final FeatureContext ctx;
    private final FlowHost host;

    public BalanceAndPackages(FeatureContext ctx) {
        this.ctx = ctx;
        this.host = ctx.host();
    }

    /** A new service from the home screen: no balance or packages of an earlier one. */
    public static void forget(Session s) {
        PackagesState state = PackagesState.of(s);
        state.balance = null;
        state.packages = List.of();
        state.packagePage = 0;
    }

    /** The balance and package part of the snapshot, for the services view. */
    public record View(Money balance, LocalDate balanceExpires, List<ServicesView.PackageView> page, int pageIndex,
                       int pages, ServicesView.PackageView selected) {}

    public View view(Session s, Screen screen, Lang lang) {
        PackagesState state = PackagesState.of(s);
        List<ServicesView.PackageView> page = new ArrayList<>();
        if (screen == PACKAGE_LIST) {
            for (CatalogEntry e : TouchInput.page(state.packages, state.packagePage, PER_PAGE)) {
                page.add(packageView(e, s.operator, lang));
            }
        }
        Balance b = state.balance;
        return new View(b == null ? null : b.amount(), b == null ? null : b.expiresOn(), page, state.packagePage,
                pages(state.packages.size()), s.product == null ? null : packageView(s.product, s.operator, lang));
    }

    // Balance ---------------------------------------------------------------------------------------------------------

    /** Next on the number screen for the balance: the carrier's answer, on the progress screen meanwhile. */
    public void queryBalance(Msisdn msisdn) {
        Session s = host.session();
        s.msisdn = msisdn;
        PackagesState.of(s).balance = null;
        long token = s.token;
        host.moveTo(CHECKING_NUMBER);
        host.step(ctx.call("balance", () -> ctx.carrier().balance(msisdn), r -> {
            if (!host.isCurrent(token, CHECKING_NUMBER)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<Balance> ok) {
                PackagesState.of(s).balance = ok.value();
                s.operator = ctx.catalog().operator(ok.value().operatorId()).orElse(null);
                host.say(null);
                host.moveTo(BALANCE_RESULT);
            } else {
                host.say(FlowMessage.error(failureKey(r, "balance.unavailable")));
                host.moveTo(NUMBER_ENTRY);
            }
            host.publish();
        }));
    }

    public boolean onBalanceResult(FlowCommand c) {
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
    public void loadPackages(long token, Operator operator) {
        Session s = host.session();
        host.step(ctx.call("catalog", () -> ctx.carrier().catalog(operator.id()), r -> {
            if (!host.isCurrent(token, CHECKING_NUMBER)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<List<CatalogEntry>> ok
                    && !sellable(ok.value(), operator).isEmpty()) {
                PackagesState.of(s).packages = sellable(ok.value(), operator);
                PackagesState.of(s).packagePage = 0;
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

    public boolean onPackageList(FlowCommand c) {
        Session s = host.session();
        PackagesState state = PackagesState.of(s);
        if (c instanceof ChooseProduct cp) {
            Optional<CatalogEntry> p = state.packages.stream().filter(e -> e.productId().equals(cp.productId())).findFirst();
            if (p.isEmpty()) {
                return false;
            }
            s.product = p.get();
            host.moveTo(PACKAGE_DETAILS);
        } else if (c instanceof Page pg) {
            state.packagePage = TouchInput.turn(state.packagePage, pg.delta(), state.packages.size(), PER_PAGE);
        } else {
            return host.backOrStartOver(c, () -> {
                state.packages = List.of();
                host.moveTo(NUMBER_ENTRY);
            });
        }
        return true;
    }

    public boolean onPackageDetails(FlowCommand c) {
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
        } else {
            return host.backOrStartOver(c, () -> {
                s.product = null;
                host.say(null);
                host.moveTo(PACKAGE_LIST);
            });
        }
        return true;
    }

    private static int pages(int items) {
        return TouchInput.pages(items, PER_PAGE);
    }

    private static ServicesView.PackageView packageView(CatalogEntry e, Operator op, Lang lang) {
        Money fee = op == null ? Money.zero(e.price().currency()) : op.fee().feeFor(op.fee().cashNeededFor(e.price()));
        Money cash = op == null ? e.price() : op.fee().cashNeededFor(e.price());
        String title = e.titles().getOrDefault(lang.code(), e.titles().getOrDefault("ru", e.productId()));
        return new ServicesView.PackageView(e.productId(), title, e.kind(), e.period(), e.dataMb(), e.voiceMinutes(),
                e.price(), fee, cash);
    }

    /**
     * The message for a failed carrier call: its refusal when it refused, else "not answering" in this service's words.
     */
    private static String failureKey(CarrierCalls.Result<?> r, String unavailableKey) {
        if (r instanceof CarrierCalls.Result.Failed<?> f && f.error().kind() == CarrierException.Kind.REFUSED) {
            return CarrierCheck.refusalKey(f.error().code());
        }
        return unavailableKey;
    }
}
