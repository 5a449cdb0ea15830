package org.topupkiosk.flow.goods;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.ProductTerms;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.flow.fiscal.FiscalReceipts;
import org.topupkiosk.flow.fiscal.FiscalSettings;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.GoodsClaim;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.OrderTerms;
import org.topupkiosk.journal.SubmittedGoods;
import org.topupkiosk.receipt.GoodsReceipts;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * e-PIN and eSIM sales on the flow thread: operator tiles, the carrier's nominals or plans, for an eSIM the phone's
 * optional EID or IMEI, the details with the no-change rule ({@link GoodsChoice}), then the top-up's own cash and
 * confirm screens; the carrier issues a PIN or an activation code, journaled with the confirmation before the screen
 * shows it. Moves screens only through the flow's {@link Host}, as {@link ScratchCards} does.
 *
 * <p>Money: an e-PIN has a fixed nominal, so notes are taken only until the price is covered and what the last note
 * brought above it goes onto a credit voucher made in the submit transaction (the kiosk gives no change). An eSIM's
 * overpayment goes to the new number's balance, like a package's. A carrier that does not answer within the submit
 * wait leaves the order to the outbox (same txn id, idempotent): the pending receipt carries a claim code that, scanned
 * on the home screen later, shows and prints the goods, says "still waiting", or gives the credit voucher of a refusal.
 */
public final class GoodsSales {

    private static final Logger log = LoggerFactory.getLogger(GoodsSales.class);

    /** Offers per page of the list; it pages with big arrows like the packages. */
    static final int PER_PAGE = 4;

    /** What goods need of the flow beyond the services' host. */
    public interface Host extends FlowHost {
        /** Journals nothing: shows and prints a credit voucher the journal already holds (CREDIT_VOUCHER after it). */
        void showCredit(CustomerCredit credit);
    }

    private final FeatureContext ctx;
    private final Host host;
    private final GoodsReceipts layouts;
    private final GoodsDesk desk;
    private final GoodsChoice choice;

    public GoodsSales(FeatureContext ctx, Host host, GoodsDesk desk) {
        this.ctx = ctx.withHost(host);
        this.host = host;
        this.layouts = new GoodsReceipts(ctx.receipts().layouts(), ctx.clock());
        this.desk = desk;
        this.choice = new GoodsChoice(this.ctx, desk);
    }

    /** The session is an e-PIN or eSIM sale. */
    public static boolean owns(Session s) {
        return s != null && (s.service == Service.EPIN || s.service == Service.ESIM);
    }

    /** An order the journal holds for an e-PIN or eSIM. */
    public static boolean isGoods(Order o) {
        return o.isGoods();
    }

    static GoodsKind kind(Session s) {
        return s.service == Service.ESIM ? GoodsKind.ESIM : GoodsKind.EPIN;
    }

    // Screens ---------------------------------------------------------------------------------------------------------

    /** The e-PIN or eSIM tile on the home screen. */
    public void start(Service service) {
        choice.start(service);
    }

    public boolean handle(Screen screen, FlowCommand c) {
        return screen == GOODS_DONE ? host.finish(c)
                : choice.handle(screen, c);
    }

    /**
     * After a restart: the open e-PIN or eSIM order goes back to the cash screen with the offer (price and product) and
     * device id it was opened for, journaled in its terms. False, and nothing changed, when the terms do not name an
     * offer of this order's kind and operator: the caller then cancels the order into a credit voucher.
     */
    public boolean resume(Session s, Order order, OrderTerms terms, Operator op) {
        Optional<GoodsOffer> offer = ProductTerms.offerOf(terms);
        if (offer.isEmpty() || !offer.get().kind().wire().equals(order.kind())
                || !offer.get().operatorId().equals(op.id())) {
            return false;
        }
        GoodsChoice.forget(s);
        s.service = offer.get().kind() == GoodsKind.ESIM ? Service.ESIM : Service.EPIN;
        GoodsChoice.payFor(s, op, offer.get(), ctx.settings().orderCashLimit());
        GoodsState.of(s).device = ProductTerms.deviceOf(terms).orElse(null);
        return true;
    }

    static int pages(int items) {
        return TouchInput.pages(items, PER_PAGE);
    }

    // Payment ---------------------------------------------------------------------------------------------------------

    /**
     * Confirm (or a customer who walked away with the price covered): the order goes to the outbox with what the price,
     * the fee and any change are, and the screen waits up to the submit wait for the carrier's goods.
     */
    /** What the customer's money pays: the goods' price (an eSIM's: what goes to its balance), the fee, the change. */
    private record Split(Money amount, Money fee, Money change) {}

    private static Split split(Session s) {
        GoodsState sale = GoodsState.of(s);
        Operator op = s.operator;
        Money funds = s.funds();
        if (s.service == Service.EPIN) {
            Money needed = op.fee().cashNeededFor(sale.offer.price());
            return new Split(sale.offer.price(), needed.minus(sale.offer.price()), funds.minus(needed));
        }
        return new Split(op.fee().toBalance(funds), op.fee().feeFor(funds), Money.zero(funds.currency()));
    }

    /**
     * Issue 13: the payment agent's receipt of this sale: the goods by name at their price, the fee, and everything the
     * customer put in as cash (what is above goes onto the change voucher).
     */
    public FiscalReceipt fiscalReceipt(FiscalSettings settings) {
        Session s = host.session();
        GoodsState sale = GoodsState.of(s);
        Split split = split(s);
        String name = sale.offer.titles().getOrDefault("ru", sale.offer.productId());
        return FiscalReceipts.sale(settings, name, s.operator.id(), split.amount().minor(), split.fee().minor(),
                s.funds().minor());
    }

    public void submit() {
        Session s = host.session();
        GoodsState sale = GoodsState.of(s);
        Split split = split(s);
        Money amount = split.amount();
        Money fee = split.fee();
        Money change = split.change();
        SubmittedGoods done = desk.submit(s.txnId, kind(s), amount, fee, change, sale.device);
        sale.claim = done.claim();
        sale.change = done.change().orElse(null);
        if (sale.change != null) {
            // Money above the price leaves the kiosk on paper at once: the voucher prints before the goods do.
            ctx.receipts().printCredit(sale.change, host.lang(), ok -> { });
        }
        host.moveTo(SUBMITTING);
        long token = s.token;
        host.step(ctx.flow().schedule(() -> onSubmitWaitOver(token), ctx.settings().submitWait()));
    }

    private void onSubmitWaitOver(long token) {
        if (!host.isCurrent(token, SUBMITTING)) {
            return;
        }
        Session s = host.session();
        // The outbox will keep asking under the same txn id; the pending receipt tells the customer how to claim.
        s.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
        Order order = desk.order(s.txnId);
        GoodsState sale = GoodsState.of(s);
        print(layouts.pending(order, s.operator, title(s, order), sale.claim, sale.change, host.lang()), "pending");
        host.publish();
    }

    /** What the outbox heard for the session's order; the screen follows while the customer is still at the kiosk. */
    public void onOutcome(PaymentOutcome outcome) {
        Session s = host.session();
        GoodsState sale = GoodsState.of(s);
        Screen screen = host.screen();
        if (screen != SUBMITTING && screen != RECEIPT && screen != GOODS_DONE) {
            return;
        }
        if (outcome instanceof PaymentOutcome.Confirmed) {
            Optional<Goods> goods = desk.goods(s.txnId);
            if (goods.isEmpty() || sale.goods != null) {
                return;
            }
            host.cancelStep();
            sale.goods = goods.get();
            s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
            host.say(null);
            Order order = desk.order(s.txnId);
            print(layouts.issued(order, s.operator, title(s, order), price(s, order), sale.goods, sale.change,
                    host.lang()), kind(s).wire());
        } else if (outcome instanceof PaymentOutcome.Refused r && s.paymentStatus != FlowSnapshot.PaymentStatus.REFUSED) {
            host.cancelStep();
            s.paymentStatus = FlowSnapshot.PaymentStatus.REFUSED;
            log.info("goods refused txn={} code={}", s.txnId, r.code());
            host.showCredit(r.credit());
            host.say(FlowMessage.error(refusalKey(r.code())));
        }
        host.publish();
    }

    static String refusalKey(String code) {
        return switch (code == null ? "" : code) {
            case "device-not-supported" -> "goods.refused.device_not_supported";
            case "out-of-stock" -> "goods.refused.out_of_stock";
            default -> "goods.refused.other";
        };
    }

    // Claims ----------------------------------------------------------------------------------------------------------

    /**
     * A claim code scanned on the home screen: the goods if the carrier issued them (shown and printed again), "still
     * waiting" while it has not answered, or the credit voucher its refusal left. Each claim is in the audit chain.
     */
    public void claimScanned(String code) {
        Optional<GoodsClaim> found = GoodsClaimCodes.isValid(code) ? desk.claim(code) : Optional.empty();
        if (found.isEmpty()) {
            host.say(FlowMessage.error("goods.claim.unknown"));
            return;
        }
        GoodsClaim claim = found.get();
        Order order = desk.order(claim.txnId());
        desk.audit("goods_claimed", order.txnId(),
                "{\"status\":\"" + order.status().name().toLowerCase(Locale.ROOT)
                + "\"}");
        log.info("goods claim scanned txn={} status={}", order.txnId(), order.status());
        if (order.status() == OrderStatus.PENDING) {
            desk.kick();
            host.say(FlowMessage.info(order.kind().equals("esim") ? "goods.claim.waiting.esim" : "goods.claim.waiting.epin"));
            return;
        }
        if (order.status() == OrderStatus.REFUSED) {
            Optional<CustomerCredit> refund = desk.openRefund(order.txnId());
            if (refund.isEmpty()) {
                host.say(FlowMessage.warning("goods.claim.refund_used"));
                return;
            }
            if (ctx.receipts().voucherPrinted(refund.get())) {
                // Issue 12: the refusal's bearer voucher comes out once; a second scan says where it went.
                host.say(FlowMessage.warning("claim.refund_given"));
                return;
            }
            host.showCredit(refund.get());
            host.say(FlowMessage.info("goods.claim.refused"));
            return;
        }
        Optional<Goods> goods = order.status() == OrderStatus.CONFIRMED ? desk.goods(order.txnId()) : Optional.empty();
        Optional<Operator> op = ctx.catalog().operator(order.operatorId());
        if (goods.isEmpty() || op.isEmpty()) {
            host.say(FlowMessage.error("goods.claim.unknown"));
            return;
        }
        Session s = host.session();
        GoodsState sale = GoodsState.of(s);
        GoodsChoice.forget(s);
        s.service = order.kind().equals("esim") ? Service.ESIM : Service.EPIN;
        s.operator = op.get();
        s.txnId = order.txnId();
        sale.claim = claim;
        sale.goods = goods.get();
        s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
        host.say(null);
        print(layouts.issued(order, s.operator, title(s, order), price(s, order), sale.goods, null, host.lang()),
                order.kind());
    }

    // Receipts --------------------------------------------------------------------------------------------------------

    /**
     * Stores the receipt before it prints (a reprint or a second claim prints the stored paper), then the done screen.
     */
    private void print(Receipt receipt, String kind) {
        Session s = host.session();
        s.receipt = FlowSnapshot.ReceiptState.PRINTING;
        host.moveTo(RECEIPT);
        long token = s.token;
        ctx.receipts().printStored(ctx.receipts().withFiscal(s.txnId, receipt, host.lang()), s.txnId, kind,
                ok -> ctx.flow().execute(() -> printed(token, ok)));
    }

    private void printed(long token, boolean ok) {
        Session s = host.session();
        if (s == null || s.token != token) {
            return;
        }
        s.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
        if (!ok) {
            host.say(FlowMessage.warning("receipt.failed"));
        }
        if (host.screen() == RECEIPT) {
            host.moveTo(GOODS_DONE);
            host.step(ctx.flow().schedule(() -> {
                if (host.isCurrent(token, GOODS_DONE)) {
                    host.endSession();
                    host.publish();
                }
            }, ctx.settings().finishAfter()));
        }
        host.publish();
    }

    /** The offer's price; for a claim, what the order sent (an eSIM's extra then prints as part of its price). */
    private static Money price(Session s, Order order) {
        return GoodsState.of(s).offer != null ? GoodsState.of(s).offer.price() : order.amount();
    }

    /** The offer's title in the customer's language; after a restart or for a claim, what the order itself says. */
    private String title(Session s, Order order) {
        if (GoodsState.of(s).offer != null) {
            return GoodsState.of(s).offer.title(host.lang().code());
        }
        return order.productId() == null ? order.kind() : order.productId();
    }

    // Snapshot --------------------------------------------------------------------------------------------------------

    /** The services view with the goods part filled in; see {@link GoodsSnapshots}. */
    public ServicesView withView(ServicesView v, Session s, Screen screen, Lang lang) {
        return owns(s) ? GoodsSnapshots.withGoods(v, s, screen, lang, ctx.catalog()) : v;
    }
}
