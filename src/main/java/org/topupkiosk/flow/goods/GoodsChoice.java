package org.topupkiosk.flow.goods;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;

/**
 * The e-PIN and eSIM screens before the money: operator tiles, the carrier's offers (no sale while it is not
 * answering), the optional EID or IMEI, the details; then the order is opened and the top-up's cash screen takes over.
 * Part of {@link GoodsSales}, on the flow thread, moving screens only through the flow's host.
 */
final class GoodsChoice {

    private static final Logger log = LoggerFactory.getLogger(GoodsChoice.class);

    private final FeatureContext ctx;
    private final FlowHost host;
    private final GoodsDesk desk;

    GoodsChoice(FeatureContext ctx, GoodsDesk desk) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.desk = desk;
    }

    /** The e-PIN or eSIM tile on the home screen. */
    void start(Service service) {
        Session s = host.session();
        forget(s);
        s.service = service;
        host.say(null);
        host.moveTo(GOODS_OPERATOR);
    }

    static void forget(Session s) {
        GoodsState sale = GoodsState.of(s);
        s.operator = null;
        sale.offers = List.of();
        sale.page = 0;
        sale.offer = null;
        sale.deviceDigits.setLength(0);
        sale.device = null;
        s.cashCap = null;
        sale.goods = null;
        sale.claim = null;
        sale.change = null;
    }

    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case GOODS_OPERATOR -> onOperator(c);
            case GOODS_LOADING -> host.leaveStep(c, GOODS_OPERATOR);
            case GOODS_LIST -> onList(c);
            case ESIM_DEVICE -> onDevice(c);
            case GOODS_DETAILS -> onDetails(c);
            default -> false;
        };
    }

    private boolean onOperator(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseOperator co) {
            Optional<Operator> op = ctx.catalog().operator(co.operatorId());
            if (op.isEmpty()) {
                return false;
            }
            s.operator = op.get();
            load(op.get());
        } else {
            return host.backOrStartOver(c, () -> {
                host.say(null);
                host.moveTo(HOME);
            });
        }
        return true;
    }

    /** The carrier's nominals or plans for this operator; no sale while the carrier is not answering. */
    private void load(Operator op) {
        Session s = host.session();
        long token = s.token;
        GoodsKind kind = GoodsSales.kind(s);
        host.say(null);
        host.moveTo(GOODS_LOADING);
        host.step(ctx.call("goods", () -> ctx.carrier().goods(op.id()), r -> {
            if (!host.isCurrent(token, GOODS_LOADING)) {
                return;
            }
            if (r instanceof CarrierCalls.Result.Ok<List<GoodsOffer>> ok && !sellable(ok.value(), op, kind).isEmpty()) {
                GoodsState.of(s).offers = sellable(ok.value(), op, kind);
                GoodsState.of(s).page = 0;
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

    private boolean onList(FlowCommand c) {
        Session s = host.session();
        GoodsState sale = GoodsState.of(s);
        if (c instanceof ChooseProduct cp) {
            Optional<GoodsOffer> g = sale.offers.stream().filter(o -> o.productId().equals(cp.productId())).findFirst();
            if (g.isEmpty()) {
                return false;
            }
            sale.offer = g.get();
            host.say(null);
            host.moveTo(g.get().kind() == GoodsKind.ESIM ? ESIM_DEVICE : GOODS_DETAILS);
        } else if (c instanceof Page pg) {
            sale.page = TouchInput.turn(sale.page, pg.delta(), sale.offers.size(), GoodsSales.PER_PAGE);
        } else {
            return host.backOrStartOver(c, () -> {
                sale.offers = List.of();
                host.moveTo(GOODS_OPERATOR);
            });
        }
        return true;
    }

    /** The phone's EID or IMEI, optional: Next with nothing typed skips it; a typed one must pass its check. */
    private boolean onDevice(FlowCommand c) {
        Session s = host.session();
        GoodsState sale = GoodsState.of(s);
        StringBuilder d = sale.deviceDigits;
        if (TouchInput.edit(d, c, DeviceId.EID_LENGTH, false)) {
            sale.device = null;
            host.say(null);
        } else if (c instanceof Next) {
            if (d.isEmpty()) {
                sale.device = null;
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
            sale.device = ((DeviceId.Valid) p).id();
            host.say(null);
            host.moveTo(GOODS_DETAILS);
        } else {
            return host.backOrStartOver(c, () -> {
                host.say(null);
                host.moveTo(GOODS_LIST);
            });
        }
        return true;
    }

    private boolean onDetails(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            Operator op = s.operator;
            GoodsOffer offer = GoodsState.of(s).offer;
            Money limit = ctx.settings().orderCashLimit();
            if (op.fee().cashNeededFor(offer.price()).greaterThan(limit)) {
                host.say(FlowMessage.error("goods.above_limit", limit));
                return true;
            }
            payFor(s, op, offer, limit);
            if (s.txnId == null) {
                s.txnId = desk.open(GoodsSales.kind(s), op.id(), offer, GoodsState.of(s).device);
            }
            host.say(null);
            host.startPayment();
        } else {
            return host.backOrStartOver(c, () -> {
                host.say(null);
                host.moveTo(s.service == Service.ESIM ? ESIM_DEVICE : GOODS_LIST);
            });
        }
        return true;
    }

    /** The session's money terms for this offer: at the details screen, and when a restart resumes its order. */
    static void payFor(Session s, Operator op, GoodsOffer offer, Money limit) {
        Money price = offer.price();
        s.operator = op;
        GoodsState.of(s).offer = offer;
        s.offline = false;
        s.amount = price;
        s.minAmount = price;
        s.maxAmount = op.maxAmount();
        s.cashLimit = limit.min(op.fee().cashNeededFor(op.maxAmount()));
        // An e-PIN takes notes until its price is covered; the rest of the last note becomes a credit voucher.
        s.cashCap = s.service == Service.EPIN ? op.fee().cashNeededFor(price) : null;
    }
}
