package org.topupkiosk.flow.goods;

import static org.topupkiosk.flow.core.Screen.*;

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
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
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

    private final FlowHost host;
    private final CarrierCalls calls;
    private final CarrierGateway carrier;
    private final Catalog catalog;
    private final FlowSettings settings;
    private final GoodsDesk desk;

    GoodsChoice(FlowHost host, CarrierCalls calls, CarrierGateway carrier, Catalog catalog,
                FlowSettings settings, GoodsDesk desk) {
        this.host = host;
        this.calls = calls;
        this.carrier = carrier;
        this.catalog = catalog;
        this.settings = settings;
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
        s.operator = null;
        GoodsState.of(s).offers = List.of();
        GoodsState.of(s).page = 0;
        GoodsState.of(s).offer = null;
        GoodsState.of(s).deviceDigits.setLength(0);
        GoodsState.of(s).device = null;
        s.cashCap = null;
        GoodsState.of(s).goods = null;
        GoodsState.of(s).claim = null;
        GoodsState.of(s).change = null;
    }

    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case GOODS_OPERATOR -> onOperator(c);
            case GOODS_LOADING -> c instanceof Back || c instanceof StartOver ? leaveLoading(c) : false;
            case GOODS_LIST -> onList(c);
            case ESIM_DEVICE -> onDevice(c);
            case GOODS_DETAILS -> onDetails(c);
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
        GoodsKind kind = GoodsSales.kind(s);
        host.say(null);
        host.moveTo(GOODS_LOADING);
        host.step(calls.call("goods", () -> carrier.goods(op.id()), settings.carrierCheckTimeout(), r -> {
            if (!current(token, GOODS_LOADING)) {
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
            Optional<GoodsOffer> g = GoodsState.of(s).offers.stream().filter(o -> o.productId().equals(cp.productId())).findFirst();
            if (g.isEmpty()) {
                return false;
            }
            GoodsState.of(s).offer = g.get();
            host.say(null);
            host.moveTo(g.get().kind() == GoodsKind.ESIM ? ESIM_DEVICE : GOODS_DETAILS);
        } else if (c instanceof Page pg) {
            GoodsState.of(s).page = TouchInput.turn(GoodsState.of(s).page, pg.delta(), GoodsState.of(s).offers.size(), GoodsSales.PER_PAGE);
        } else if (c instanceof Back) {
            GoodsState.of(s).offers = List.of();
            host.moveTo(GOODS_OPERATOR);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    /** The phone's EID or IMEI, optional: Next with nothing typed skips it; a typed one must pass its check. */
    private boolean onDevice(FlowCommand c) {
        Session s = host.session();
        StringBuilder d = GoodsState.of(s).deviceDigits;
        if (TouchInput.edit(d, c, DeviceId.EID_LENGTH, false)) {
            GoodsState.of(s).device = null;
            host.say(null);
        } else if (c instanceof Next) {
            if (d.isEmpty()) {
                GoodsState.of(s).device = null;
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
            GoodsState.of(s).device = ((DeviceId.Valid) p).id();
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
            Money price = GoodsState.of(s).offer.price();
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
            s.cashCap = s.service == Service.EPIN ? needed : null;
            if (s.txnId == null) {
                s.txnId = desk.open(GoodsSales.kind(s), op.id(), GoodsState.of(s).offer.productId());
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

}
