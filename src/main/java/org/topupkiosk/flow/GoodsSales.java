package org.topupkiosk.flow;

import static org.topupkiosk.flow.Screen.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.FlowCommand.*;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.GoodsClaim;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.SubmittedGoods;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * e-PIN and eSIM sales on the flow thread: operator tiles, the carrier's nominals or plans, for an eSIM the phone's
 * optional EID or IMEI, the details with the no-change rule, then the top-up's own cash and confirm screens; the
 * carrier issues a PIN or an activation code, journaled with the confirmation before the screen shows it. Moves
 * screens only through the flow's {@link Host}, as {@link ScratchCards} does.
 *
 * <p>Money: an e-PIN has a fixed nominal, so notes are taken only until the price is covered and what the last note
 * brought above it goes onto a credit voucher made in the submit transaction (the kiosk gives no change). An eSIM's
 * overpayment goes to the new number's balance, like a package's. A carrier that does not answer within the submit
 * wait leaves the order to the outbox (same txn id, idempotent): the pending receipt carries a claim code that, scanned
 * on the home screen later, shows and prints the goods, says "still waiting", or gives the credit voucher of a refusal.
 */
final class GoodsSales {

    private static final Logger log = LoggerFactory.getLogger(GoodsSales.class);

    /** Offers per page of the list; it pages with big arrows like the packages. */
    static final int PER_PAGE = 4;

    /** What goods need of the flow beyond the services' host. */
    interface Host extends CustomerServices.Host {
        /** Journals nothing: shows and prints a credit voucher the journal already holds (CREDIT_VOUCHER after it). */
        void showCredit(CustomerCredit credit);
    }

    private final Host host;
    private final FlowExecutor flow;
    private final CarrierCalls calls;
    private final CarrierGateway carrier;
    private final Catalog catalog;
    private final FlowSettings settings;
    private final ReceiptDesk receipts;
    private final GoodsReceipts layouts;
    private final GoodsDesk desk;

    GoodsSales(Host host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier, Catalog catalog,
               FlowSettings settings, ReceiptDesk receipts, GoodsDesk desk, java.time.Clock clock) {
        this.host = host;
        this.flow = flow;
        this.calls = calls;
        this.carrier = carrier;
        this.catalog = catalog;
        this.settings = settings;
        this.receipts = receipts;
        this.layouts = new GoodsReceipts(receipts.layouts(), clock);
        this.desk = desk;
    }

    /** The session is an e-PIN or eSIM sale. */
    static boolean owns(Session s) {
        return s != null && (s.service == Service.EPIN || s.service == Service.ESIM);
    }

    /** An order the journal holds for an e-PIN or eSIM. */
    static boolean isGoods(Order o) {
        return o.isGoods();
    }

    private static GoodsKind kind(Session s) {
        return s.service == Service.ESIM ? GoodsKind.ESIM : GoodsKind.EPIN;
    }

    // Screens ---------------------------------------------------------------------------------------------------------

    /** The e-PIN or eSIM tile on the home screen. */
    void start(Service service) {
        Session s = host.session();
        forget(s);
        s.service = service;
        host.say(null);
        host.moveTo(GOODS_OPERATOR);
    }

    private static void forget(Session s) {
        s.operator = null;
        s.goodsOffers = List.of();
        s.goodsPage = 0;
        s.goodsOffer = null;
        s.deviceDigits.setLength(0);
        s.device = null;
        s.goodsCashCap = null;
        s.goods = null;
        s.goodsClaim = null;
        s.goodsChange = null;
    }

    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case GOODS_OPERATOR -> onOperator(c);
            case GOODS_LOADING -> c instanceof Back || c instanceof StartOver ? leaveLoading(c) : false;
            case GOODS_LIST -> onList(c);
            case ESIM_DEVICE -> onDevice(c);
            case GOODS_DETAILS -> onDetails(c);
            case GOODS_DONE -> c instanceof Finish || c instanceof StartOver ? host.endSession() : false;
            default -> false;
        };
    }

    private boolean current(long token, Screen expected) {
        Session s = host.session();
        return s != null && s.token == token && host.screen() == expected;
    }

    private boolean onOperator(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseOperator co) {
            Optional<Operator> op = catalog.operator(co.operatorId());
            if (op.isEmpty()) {
                return false;
            }
            s.operator = op.get();
            load(op.get());
        } else if (c instanceof Back) {
            host.say(null);
            host.moveTo(HOME);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    /** The carrier's nominals or plans for this operator; no sale while the carrier is not answering. */
    private void load(Operator op) {
        Session s = host.session();
        long token = s.token;
        GoodsKind kind = kind(s);
        host.say(null);
        host.moveTo(GOODS_LOADING);
        host.step(calls.call("goods", () -> carrier.goods(op.id()), settings.carrierCheckTimeout(), r -> {
            if (!current(token, GOODS_LOADING)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<List<GoodsOffer>> ok && !sellable(ok.value(), op, kind).isEmpty()) {
                s.goodsOffers = sellable(ok.value(), op, kind);
                s.goodsPage = 0;
                host.moveTo(GOODS_LIST);
            } else if (r instanceof CarrierCalls.Result.Ok) {
                host.say(FlowMessage.error("goods.none"));
                host.moveTo(GOODS_OPERATOR);
            } else {
                boolean refused = r instanceof CarrierCalls.Result.Failed<?> f
                        && f.error().kind() == CarrierException.Kind.REFUSED;
                host.say(FlowMessage.error(refused ? "goods.none" : "goods.unavailable"));
                host.moveTo(GOODS_OPERATOR);
            }
            host.publish();
        }));
    }

    /** This operator's RUB offers of the kind asked for, within its single-payment maximum. */
    private static List<GoodsOffer> sellable(List<GoodsOffer> offers, Operator op, GoodsKind kind) {
        List<GoodsOffer> out = new ArrayList<>();
        for (GoodsOffer g : offers) {
            if (g.kind() == kind && op.id().equals(g.operatorId()) && Money.RUB.equals(g.price().currency())
                    && !g.price().greaterThan(op.maxAmount())) {
                out.add(g);
            }
        }
        return out;
    }

    private boolean leaveLoading(FlowCommand c) {
        host.cancelStep();
        if (c instanceof StartOver) {
            return host.endSession();
        }
        host.moveTo(GOODS_OPERATOR);
        return true;
    }

    private boolean onList(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseProduct cp) {
            Optional<GoodsOffer> g = s.goodsOffers.stream().filter(o -> o.productId().equals(cp.productId())).findFirst();
            if (g.isEmpty()) {
                return false;
            }
            s.goodsOffer = g.get();
            host.say(null);
            host.moveTo(g.get().kind() == GoodsKind.ESIM ? ESIM_DEVICE : GOODS_DETAILS);
        } else if (c instanceof Page pg) {
            int pages = pages(s.goodsOffers.size());
            s.goodsPage = Math.max(0, Math.min(pages - 1, s.goodsPage + Integer.signum(pg.delta())));
        } else if (c instanceof Back) {
            s.goodsOffers = List.of();
            host.moveTo(GOODS_OPERATOR);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    static int pages(int items) {
        return Math.max(1, (items + PER_PAGE - 1) / PER_PAGE);
    }

    /** The phone's EID or IMEI, optional: Next with nothing typed skips it; a typed one must pass its check. */
    private boolean onDevice(FlowCommand c) {
        Session s = host.session();
        StringBuilder d = s.deviceDigits;
        if (c instanceof Digit digit) {
            if (d.length() < DeviceId.EID_LENGTH) {
                d.append(digit.digit());
            }
            s.device = null;
            host.say(null);
        } else if (c instanceof Backspace) {
            if (!d.isEmpty()) {
                d.setLength(d.length() - 1);
            }
            s.device = null;
            host.say(null);
        } else if (c instanceof Clear) {
            d.setLength(0);
            s.device = null;
            host.say(null);
        } else if (c instanceof Next) {
            if (d.isEmpty()) {
                s.device = null;
                host.say(null);
                host.moveTo(GOODS_DETAILS);
                return true;
            }
            DeviceId.Parsed p = DeviceId.parse(d.toString());
            if (p instanceof DeviceId.Invalid bad) {
                log.info("device id refused problem={} digits={}", bad.problem(), d.length());
                host.say(FlowMessage.error(bad.problem().messageKey()));
                return true;
            }
            s.device = ((DeviceId.Valid) p).id();
            host.say(null);
            host.moveTo(GOODS_DETAILS);
        } else if (c instanceof Back) {
            host.say(null);
            host.moveTo(GOODS_LIST);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    private boolean onDetails(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            Operator op = s.operator;
            Money price = s.goodsOffer.price();
            Money needed = op.fee().cashNeededFor(price);
            Money limit = settings.orderCashLimit();
            if (needed.greaterThan(limit)) {
                host.say(FlowMessage.error("goods.above_limit", limit));
                return true;
            }
            s.offline = false;
            s.amount = price;
            s.minAmount = price;
            s.maxAmount = op.maxAmount();
            s.cashLimit = limit.min(op.fee().cashNeededFor(op.maxAmount()));
            // An e-PIN takes notes until its price is covered; the rest of the last note becomes a credit voucher.
            s.goodsCashCap = s.service == Service.EPIN ? needed : null;
            if (s.txnId == null) {
                s.txnId = desk.open(kind(s), op.id(), s.goodsOffer.productId());
            }
            host.say(null);
            host.startPayment();
        } else if (c instanceof Back) {
            host.say(null);
            host.moveTo(s.service == Service.ESIM ? ESIM_DEVICE : GOODS_LIST);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    // Payment ---------------------------------------------------------------------------------------------------------

    /**
     * Confirm (or a customer who walked away with the price covered): the order goes to the outbox with what the price,
     * the fee and any change are, and the screen waits up to the submit wait for the carrier's goods.
     */
    void submit() {
        Session s = host.session();
        Operator op = s.operator;
        Money funds = s.funds();
        Money amount;
        Money fee;
        Money change;
        if (s.service == Service.EPIN) {
            Money needed = op.fee().cashNeededFor(s.goodsOffer.price());
            amount = s.goodsOffer.price();
            fee = needed.minus(amount);
            change = funds.minus(needed);
        } else {
            amount = op.fee().toBalance(funds);
            fee = op.fee().feeFor(funds);
            change = Money.zero(funds.currency());
        }
        SubmittedGoods done = desk.submit(s.txnId, kind(s), amount, fee, change, s.device);
        s.goodsClaim = done.claim();
        s.goodsChange = done.change().orElse(null);
        if (s.goodsChange != null) {
            // Money above the price leaves the kiosk on paper at once: the voucher prints before the goods do.
            receipts.printCredit(s.goodsChange, host.lang(), ok -> { });
        }
        host.moveTo(SUBMITTING);
        long token = s.token;
        host.step(flow.schedule(() -> onSubmitWaitOver(token), settings.submitWait()));
    }

    private void onSubmitWaitOver(long token) {
        if (!current(token, SUBMITTING)) {
            return;
        }
        Session s = host.session();
        // The outbox will keep asking under the same txn id; the pending receipt tells the customer how to claim.
        s.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
        Order order = desk.order(s.txnId);
        print(layouts.pending(order, s.operator, title(s, order), s.goodsClaim, s.goodsChange, host.lang()), "pending");
        host.publish();
    }

    /** What the outbox heard for the session's order; the screen follows while the customer is still at the kiosk. */
    void onOutcome(PaymentOutcome outcome) {
        Session s = host.session();
        Screen screen = host.screen();
        if (screen != SUBMITTING && screen != RECEIPT && screen != GOODS_DONE) {
            return;
        }
        if (outcome instanceof PaymentOutcome.Confirmed) {
            Optional<Goods> goods = desk.goods(s.txnId);
            if (goods.isEmpty() || s.goods != null) {
                return;
            }
            host.cancelStep();
            s.goods = goods.get();
            s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
            host.say(null);
            Order order = desk.order(s.txnId);
            print(layouts.issued(order, s.operator, title(s, order), price(s, order), s.goods, s.goodsChange,
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
    void claimScanned(String code) {
        Optional<GoodsClaim> found = GoodsClaimCodes.isValid(code) ? desk.claim(code) : Optional.empty();
        if (found.isEmpty()) {
            host.say(FlowMessage.error("goods.claim.unknown"));
            return;
        }
        GoodsClaim claim = found.get();
        Order order = desk.order(claim.txnId());
        desk.audit("goods_claimed", order.txnId(), "{\"status\":\"" + order.status().name().toLowerCase(java.util.Locale.ROOT)
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
            host.showCredit(refund.get());
            host.say(FlowMessage.info("goods.claim.refused"));
            return;
        }
        Optional<Goods> goods = order.status() == OrderStatus.CONFIRMED ? desk.goods(order.txnId()) : Optional.empty();
        Optional<Operator> op = catalog.operator(order.operatorId());
        if (goods.isEmpty() || op.isEmpty()) {
            host.say(FlowMessage.error("goods.claim.unknown"));
            return;
        }
        Session s = host.session();
        forget(s);
        s.service = order.kind().equals("esim") ? Service.ESIM : Service.EPIN;
        s.operator = op.get();
        s.txnId = order.txnId();
        s.goodsClaim = claim;
        s.goods = goods.get();
        s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
        host.say(null);
        print(layouts.issued(order, s.operator, title(s, order), price(s, order), s.goods, null, host.lang()),
                order.kind());
    }

    // Receipts --------------------------------------------------------------------------------------------------------

    /** Stores the receipt before it prints (a reprint or a second claim prints the stored paper), then the done screen. */
    private void print(Receipt receipt, String kind) {
        Session s = host.session();
        s.receipt = FlowSnapshot.ReceiptState.PRINTING;
        host.moveTo(RECEIPT);
        long token = s.token;
        receipts.printStored(receipt, s.txnId, kind, ok -> flow.execute(() -> printed(token, ok)));
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
            host.step(flow.schedule(() -> {
                if (current(token, GOODS_DONE)) {
                    host.endSession();
                    host.publish();
                }
            }, settings.finishAfter()));
        }
        host.publish();
    }

    /** The offer's price; for a claim, what the order sent (an eSIM's extra then prints as part of its price). */
    private static Money price(Session s, Order order) {
        return s.goodsOffer != null ? s.goodsOffer.price() : order.amount();
    }

    /** The offer's title in the customer's language; after a restart or for a claim, what the order itself says. */
    private String title(Session s, Order order) {
        if (s.goodsOffer != null) {
            return s.goodsOffer.title(host.lang().code());
        }
        return order.productId() == null ? order.kind() : order.productId();
    }

    // Snapshot --------------------------------------------------------------------------------------------------------

    /** The services view with the goods part filled in (and the chosen offer as the cash and confirm screens' item). */
    ServicesView withView(ServicesView v, Session s, Screen screen, Lang lang) {
        if (v == null || !owns(s)) {
            return v;
        }
        Operator op = s.operator;
        List<GoodsView.Offer> page = new ArrayList<>();
        if (screen == GOODS_LIST) {
            int from = s.goodsPage * PER_PAGE;
            for (int i = from; i < Math.min(s.goodsOffers.size(), from + PER_PAGE); i++) {
                page.add(offer(s.goodsOffers.get(i), op, lang));
            }
        }
        GoodsView.Offer selected = s.goodsOffer == null ? null : offer(s.goodsOffer, op, lang);
        boolean done = screen == GOODS_DONE || screen == RECEIPT;
        Goods g = done ? s.goods : null;
        boolean esim = g != null && "esim".equals(g.kind());
        String[] lpa = esim ? g.secret().split("\\$", -1) : null;
        GoodsView goods = new GoodsView(s.service, page, s.goodsPage, pages(s.goodsOffers.size()), selected,
                group(s.deviceDigits.toString()), s.deviceDigits.length(),
                s.device == null ? null : s.device.kind().name(),
                g != null && !esim ? GoodsReceipts.groupPin(g.secret()) : null,
                g == null ? null : g.serial(), g == null ? null : g.expiresOn(),
                esim ? g.secret() : null, esim ? lpa[1] : null, esim ? lpa[2] : null,
                esim ? g.msisdn().pretty() : null,
                done && s.goodsClaim != null && g == null ? GoodsClaimCodes.pretty(s.goodsClaim.code()) : null,
                done && s.goodsClaim != null && g == null ? s.goodsClaim.code() : null,
                s.goodsChange == null ? null : s.goodsChange.amount(),
                s.goodsChange == null ? null : org.topupkiosk.journal.CreditCodes.pretty(s.goodsChange.code()));
        ServicesView.PackageView item = selected == null ? null : new ServicesView.PackageView(selected.id(),
                selected.title(), selected.kind(), "unlimited", selected.dataMb(), selected.voiceMinutes(),
                selected.price(), selected.fee(), selected.cashNeeded());
        List<ServicesView.OperatorTile> tiles = v.operators();
        if (screen == GOODS_OPERATOR) {
            tiles = catalog.operators().stream()
                    .map(o -> new ServicesView.OperatorTile(o.id(), o.name(lang.code()), o.color())).toList();
        }
        return new ServicesView(v.service(), tiles, v.hintOperatorId(), v.balance(), v.balanceExpires(),
                v.packages(), v.page(), v.pages(), item, v.voucherPinMasked(), v.voucherPinLength(), v.voucherNominal(),
                v.voucherOperatorName(), v.voucherSerial(), v.promo(), goods, v.account(), v.sim());
    }

    private static GoodsView.Offer offer(GoodsOffer g, Operator op, Lang lang) {
        Money cash = op == null ? g.price() : op.fee().cashNeededFor(g.price());
        return new GoodsView.Offer(g.productId(), g.title(lang.code()), g.kind().wire(), g.price(), cash.minus(g.price()),
                cash, g.dataMb(), g.voiceMinutes(), g.validDays());
    }

    /** Typed digits in groups of four, so a long EID can be checked against the phone's screen. */
    private static String group(String digits) {
        return GoodsReceipts.groupPin(digits);
    }
}
