package org.topupkiosk.flow.goods;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.ProductTerms;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.GoodsClaim;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.SubmittedGoods;
import org.topupkiosk.sync.PaymentDispatch;

/**
 * The journal verbs of an e-PIN or eSIM sale, each one transaction: open the order, submit it (payment frozen in the
 * outbox, claim code, change voucher), read what the carrier issued, find a claim. Logs carry masks only.
 */
public record GoodsDesk(Journal journal, PaymentDispatch dispatch, CrashPoints crash) {

    private static final Logger log = LoggerFactory.getLogger(GoodsDesk.class);

    /** Opens the order with the offer (and the eSIM's device id, if any) journaled as its terms. */
    String open(GoodsKind kind, String operatorId, GoodsOffer offer, DeviceId device) {
        String productId = offer.productId();
        Order order = journal.openGoodsOrder(kind.wire(), operatorId, productId, ProductTerms.of(offer, device));
        log.info("order opened txn={} kind={} operator={} product={}", order.txnId(), kind.wire(), operatorId, productId);
        return order.txnId();
    }

    /** OPEN to PENDING: the request (without a number, with the device id if any) frozen in the outbox, then a nudge. */
    SubmittedGoods submit(String txnId, GoodsKind kind, Money amount, Money fee, Money change, DeviceId device) {
        Order order = journal.order(txnId).orElseThrow();
        PaymentRequest request = PaymentRequest.goods(txnId, kind, order.operatorId(), amount, order.productId(),
                order.createdAt(), device);
        SubmittedGoods done = journal.submitGoods(txnId, amount, fee, change, dispatch.payload(request));
        crash.reach("submitted");
        log.info("order submitted txn={} kind={} amount={} fee={} change={} device={}", txnId, kind.wire(),
                amount.plain(), fee.plain(), change.plain(), device == null ? "none" : device.masked());
        dispatch.kick();
        return done;
    }

    Optional<Goods> goods(String txnId) {
        return journal.goods(txnId);
    }

    Optional<GoodsClaim> claim(String code) {
        return journal.claim(code);
    }

    Order order(String txnId) {
        return journal.order(txnId).orElseThrow();
    }

    /** The still open credit voucher a refused order left, if any (empty once it was spent or refunded). */
    Optional<CustomerCredit> openRefund(String txnId) {
        return journal.openCredits().stream().filter(c -> txnId.equals(c.sourceTxn())).findFirst();
    }

    void kick() {
        dispatch.kick();
    }

    void audit(String kind, String txnId, String dataJson) {
        journal.audit(kind, txnId, dataJson);
    }
}
