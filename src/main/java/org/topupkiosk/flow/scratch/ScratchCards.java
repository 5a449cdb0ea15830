package org.topupkiosk.flow.scratch;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;

/**
 * Scratch-card redemption on the flow thread: the PIN typed and masked, checked by the carrier, the card's value and
 * operator shown, then applied to a typed number under a redemption id journaled before the first send and reused on
 * every retry. No cash moves; the outcome is journaled ({@link VoucherDesk}) and printed. Screens move only through
 * the flow's {@link FlowHost}, so the one transition table rules here too.
 */
public final class ScratchCards {

    private static final Logger log = LoggerFactory.getLogger(ScratchCards.class);

    /** Wrong PINs in one session before the kiosk stops asking (a scratch card PIN must not be guessable here). */
    static final int MAX_WRONG_PINS = 3;
    static final int PIN_MIN = 10;
    static final int PIN_MAX = 20;
    /** A redemption with no answer is asked again under the same id this many times before it is reported unknown. */
    public static final int REDEEM_RETRIES = 2;

    private final FeatureContext ctx;
    private final FlowHost host;
    private final VoucherDesk vouchers;

    public ScratchCards(FeatureContext ctx, VoucherDesk vouchers) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.vouchers = vouchers;
    }

    public boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case VOUCHER_PIN -> onVoucherPin(c);
            case VOUCHER_CHECKING -> host.leaveStep(c, VOUCHER_PIN);
            case VOUCHER_CONFIRM -> onVoucherConfirm(c);
            default -> false;
        };
    }

    private boolean onVoucherPin(FlowCommand c) {
        Session s = host.session();
        StringBuilder pin = VoucherState.of(s).pin;
        if (TouchInput.edit(pin, c, PIN_MAX, false)) {
            host.say(null);
        } else if (c instanceof Next) {
            if (pin.length() < PIN_MIN) {
                host.say(FlowMessage.error("voucher.pin_short", Integer.toString(PIN_MIN)));
                return true;
            }
            validate();
        } else {
            return host.backOrStartOver(c, () -> {
                pin.setLength(0);
                host.say(null);
                host.moveTo(HOME);
            });
        }
        return true;
    }

    /** A PIN the scanner read on the PIN screen: replaces what was typed and goes to validation. */
    public void pinScanned(String pin) {
        Session s = host.session();
        if (host.screen() != VOUCHER_PIN || pin.length() < PIN_MIN || pin.length() > PIN_MAX) {
            host.say(FlowMessage.error("scan.unknown.not_recognized"));
            return;
        }
        VoucherState.of(s).pin.setLength(0);
        VoucherState.of(s).pin.append(pin);
        validate();
    }

    private void validate() {
        Session s = host.session();
        String pin = VoucherState.of(s).pin.toString();
        long token = s.token;
        host.say(null);
        host.moveTo(VOUCHER_CHECKING);
        host.step(ctx.call("voucher-validate", () -> ctx.carrier().validateVoucher(pin), r -> {
            if (!host.isCurrent(token, VOUCHER_CHECKING)) {
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
            Optional<Operator> op = ctx.catalog().operator(v.operatorId());
            if (v.state() == VoucherInfo.State.USED) {
                refuseCard("voucher.used");
            } else if (v.state() == VoucherInfo.State.EXPIRED) {
                refuseCard("voucher.expired");
            } else if (op.isEmpty()) {
                refuseCard("voucher.other_operator");
            } else {
                VoucherState.of(s).voucher = v;
                s.operator = op.get();
                host.moveTo(VOUCHER_CONFIRM);
            }
        } else if (r instanceof CarrierCalls.Result.Failed<VoucherInfo> f
                && f.error().kind() == CarrierException.Kind.REFUSED) {
            VoucherState.of(s).wrongPins++;
            log.info("voucher PIN not known to the carrier attempt={}", VoucherState.of(s).wrongPins);
            if (VoucherState.of(s).wrongPins >= MAX_WRONG_PINS) {
                VoucherState.of(s).pin.setLength(0);
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
        VoucherState.of(s).pin.setLength(0);
        VoucherState.of(s).voucher = null;
        host.say(FlowMessage.error(key));
        host.moveTo(VOUCHER_PIN);
    }

    private boolean onVoucherConfirm(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            host.moveTo(NUMBER_ENTRY);
        } else {
            return host.backOrStartOver(c, () -> {
                VoucherState.of(s).voucher = null;
                VoucherState.of(s).pin.setLength(0);
                host.moveTo(VOUCHER_PIN);
            });
        }
        return true;
    }

    public void redeem(Msisdn msisdn) {
        Session s = host.session();
        VoucherState state = VoucherState.of(s);
        s.msisdn = msisdn;
        if (state.redemptionId == null) {
            state.redemptionId = vouchers.newRedemptionId();
        }
        vouchers.sending(state.redemptionId, state.voucher, msisdn);
        host.say(null);
        host.moveTo(SUBMITTING);
        attemptRedeem(s.token, state.pin.toString(), msisdn, state.redemptionId, 0);
    }

    private void attemptRedeem(long token, String pin, Msisdn msisdn, String id, int attempt) {
        host.step(ctx.call("voucher-redeem", () -> ctx.carrier().redeemVoucher(pin, msisdn, id),
                r -> {
                    if (!host.isCurrent(token, SUBMITTING)) {
                        return;
                    }
                    onRedeemed(r, token, pin, msisdn, id, attempt);
                    host.publish();
                }));
    }

    private void onRedeemed(CarrierCalls.Result<VoucherRedemption> r, long token, String pin, Msisdn msisdn, String id,
                            int attempt) {
        Session s = host.session();
        VoucherState state = VoucherState.of(s);
        if (r instanceof CarrierCalls.Result.Ok<VoucherRedemption> ok) {
            VoucherRedemption v = ok.value();
            vouchers.answered(v);
            if (v.status() == VoucherRedemption.Status.REDEEMED) {
                s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
                printVoucherReceipt(v.serial(), v.nominal());
            } else {
                // Refused: nothing was applied. A new attempt is a new redemption with its own id.
                state.redemptionId = null;
                refusedRedemption(v.refusalCode());
            }
            return;
        }
        boolean retryable = r.retryable();
        if (retryable && attempt < REDEEM_RETRIES) {
            log.info("voucher redemption retried id={} attempt={}", id, attempt + 1);
            attemptRedeem(token, pin, msisdn, id, attempt + 1);
            return;
        }
        if (!retryable) {
            // The carrier refused the request itself (protocol): nothing applied.
            vouchers.unknown(id, "protocol-" + r.failureCode());
            state.redemptionId = null;
            host.say(FlowMessage.error("voucher.unavailable"));
            host.moveTo(VOUCHER_PIN);
            return;
        }
        vouchers.unknown(id, r.failureCode());
        s.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
        host.say(FlowMessage.warning("voucher.unconfirmed", ctx.settings().supportPhone()));
        printVoucherReceipt(state.voucher.serial(), state.voucher.nominal());
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
        s.qrPayload = host.lookupLink(VoucherState.of(s).redemptionId);
        long token = s.token;
        ctx.receipts().printVoucher(VoucherState.of(s).redemptionId, s.operator, s.msisdn, serial, nominal,
                s.paymentStatus, host.lang(),
                ok -> ctx.flow().execute(() -> host.printed(token, ok)));
    }

    /** Bullets for the typed digits in groups of four, so the customer can count them and nobody can read them. */
    public static String maskPin(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append('\u2022');
        }
        return out.toString();
    }
}
