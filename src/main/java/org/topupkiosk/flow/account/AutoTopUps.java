package org.topupkiosk.flow.account;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.receipt.AccountReceipts;

/**
 * Auto top-up enrolment on the flow thread: the number (NUMBER_ENTRY), the balance to watch for and the amount to add
 * (big tiles), the rule in one sentence, a one-time code ({@link OneTimeCodes}), then the enrolment under an id
 * journaled before the first send and reused on every retry. No cash moves and the kiosk never sees the payment method:
 * the carrier funds the rule from the account. The outcome is journaled ({@link EnrolmentDesk}), stored and printed.
 */
public final class AutoTopUps implements OneTimeCodes.Client {

    private static final Logger log = LoggerFactory.getLogger(AutoTopUps.class);

    /** The tiles: within the carrier's limits (threshold 10-1 000, amount 100-5 000 RUB, docs/carrier-api.md). */
    public static final List<Money> THRESHOLDS = List.of(Money.rub(50), Money.rub(100), Money.rub(200), Money.rub(300));
    public static final List<Money> AMOUNTS = List.of(Money.rub(100), Money.rub(200), Money.rub(300), Money.rub(500),
            Money.rub(1000));
    /** An enrolment with no answer is asked again under the same id this many times before it is reported unknown. */
    public static final int ENROL_RETRIES = 2;

    private final FeatureContext ctx;
    private final FlowHost host;
    private final EnrolmentDesk desk;
    private final OneTimeCodes codes;

    AutoTopUps(FeatureContext ctx, EnrolmentDesk desk, OneTimeCodes codes) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.desk = desk;
        this.codes = codes;
    }

    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case AUTO_TOPUP_THRESHOLD -> onThreshold(c);
            case AUTO_TOPUP_AMOUNT -> onAmount(c);
            case AUTO_TOPUP_SUMMARY -> onSummary(c);
            case AUTO_TOPUP_SUBMITTING -> false; // the enrolment is on its way; its answer moves on
            case AUTO_TOPUP_DONE -> host.finish(c);
            default -> false;
        };
    }

    /** Next on the number screen: the number is the one the rule is for. */
    void numberTyped(Msisdn msisdn) {
        Session s = host.session();
        s.msisdn = msisdn;
        host.say(null);
        host.moveTo(AUTO_TOPUP_THRESHOLD);
    }

    private boolean onThreshold(FlowCommand c) {
        AccountState account = AccountState.of(host.session());
        return choose(c, THRESHOLDS, v -> account.autoThreshold = v, AUTO_TOPUP_AMOUNT, NUMBER_ENTRY);
    }

    private boolean onAmount(FlowCommand c) {
        AccountState account = AccountState.of(host.session());
        return choose(c, AMOUNTS, v -> account.autoAmount = v, AUTO_TOPUP_SUMMARY, AUTO_TOPUP_THRESHOLD);
    }

    /** One of the {@code offered} amount buttons moves on to {@code next}; Back forgets the choice. */
    private boolean choose(FlowCommand c, List<Money> offered, Consumer<Money> choice, Screen next, Screen back) {
        if (c instanceof ChooseAmount a && offered.contains(a.amount())) {
            choice.accept(a.amount());
            host.say(null);
            host.moveTo(next);
            return true;
        }
        return host.backOrStartOver(c, () -> {
            choice.accept(null);
            host.moveTo(back);
        });
    }

    private boolean onSummary(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            codes.request(s.msisdn, OtpChallenge.PURPOSE_AUTO_TOP_UP, this);
        } else {
            return host.backOrStartOver(c, () -> {
                host.say(null);
                host.moveTo(AUTO_TOPUP_AMOUNT);
            });
        }
        return true;
    }

    @Override
    public Screen back() {
        return AUTO_TOPUP_SUMMARY;
    }

    /** The code is right: enrol the rule with its token, under an id made once and journaled before the first send. */
    @Override
    public void verified(String token) {
        Session s = host.session();
        AccountState account = AccountState.of(s);
        if (account.enrolmentId == null) {
            account.enrolmentId = desk.newEnrolmentId();
        }
        host.say(null);
        host.moveTo(AUTO_TOPUP_SUBMITTING);
        AutoTopUpRequest request = new AutoTopUpRequest(account.enrolmentId, s.msisdn, account.autoThreshold,
                account.autoAmount, token);
        attempt(s.token, request, 0);
    }

    private void attempt(long token, AutoTopUpRequest request, int attempt) {
        desk.sending(request.enrolmentId(), request.msisdn(), request.threshold(), request.amount(), attempt);
        host.step(ctx.call("autotopup-enrol", () -> ctx.carrier().enrolAutoTopUp(request),
                r -> {
                    if (!host.isCurrent(token, AUTO_TOPUP_SUBMITTING)) {
                        return;
                    }
                    onAnswer(r, token, request, attempt);
                    host.publish();
                }));
    }

    private void onAnswer(CarrierCalls.Result<AutoTopUpEnrolment> r, long token, AutoTopUpRequest request,
                          int attempt) {
        Session s = host.session();
        AccountState account = AccountState.of(s);
        if (r instanceof CarrierCalls.Result.Ok<AutoTopUpEnrolment> ok) {
            AutoTopUpEnrolment e = ok.value();
            desk.answered(e);
            if (e.status() == AutoTopUpEnrolment.Status.ACTIVE) {
                account.enrolment = e;
                account.otp.token = null;
                s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
                printAndFinish(e);
            } else {
                // Refused: nothing changed. Trying again is a new enrolment with its own id.
                account.enrolmentId = null;
                refused(e.refusalCode());
            }
            return;
        }
        boolean retryable = r.retryable();
        if (retryable && attempt < ENROL_RETRIES) {
            log.info("auto top-up enrolment retried id={} attempt={}", request.enrolmentId(), attempt + 1);
            attempt(token, request, attempt + 1);
            return;
        }
        if (!retryable) {
            // The carrier refused the request itself (protocol): nothing was enrolled.
            desk.unknown(request.enrolmentId(), "protocol-" + r.failureCode());
            account.enrolmentId = null;
            host.say(FlowMessage.error("autotopup.unavailable"));
            host.moveTo(AUTO_TOPUP_SUMMARY);
            return;
        }
        desk.unknown(request.enrolmentId(), r.failureCode());
        s.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
        host.say(FlowMessage.warning("autotopup.unconfirmed", ctx.settings().supportPhone()));
        printAndFinish(null);
    }

    private void refused(String code) {
        switch (code == null ? "" : code) {
            case AutoTopUpEnrolment.BAD_TOKEN -> codes.tokenRefused();
            case AutoTopUpEnrolment.UNKNOWN_NUMBER -> {
                host.say(FlowMessage.error("otp.unknown_number"));
                host.moveTo(NUMBER_ENTRY);
            }
            case AutoTopUpEnrolment.ACCOUNT_BLOCKED -> {
                host.say(FlowMessage.error("autotopup.blocked"));
                host.moveTo(NUMBER_ENTRY);
            }
            case AutoTopUpEnrolment.THRESHOLD_OUT_OF_RANGE, AutoTopUpEnrolment.AMOUNT_OUT_OF_RANGE -> {
                host.say(FlowMessage.error("autotopup.out_of_range"));
                host.moveTo(AUTO_TOPUP_SUMMARY);
            }
            default -> {
                host.say(FlowMessage.error("autotopup.refused"));
                host.moveTo(AUTO_TOPUP_SUMMARY);
            }
        }
    }

    /** Stores the receipt before printing (a reprint can find it), shows the outcome, and ends after a while. */
    private void printAndFinish(AutoTopUpEnrolment e) {
        Session s = host.session();
        AccountState account = AccountState.of(s);
        AccountReceipts.AutoTopUp facts = new AccountReceipts.AutoTopUp(account.enrolmentId, ctx.clock().instant(),
                s.msisdn.masked(), account.autoThreshold, account.autoAmount, e == null ? null : e.rule().ruleId(),
                e == null || e.replaced() == null ? null : e.replaced().threshold(),
                e == null || e.replaced() == null ? null : e.replaced().amount(), e != null);
        Receipt receipt = new AccountReceipts(ctx.receipts().layouts()).autoTopUp(facts, host.lang());
        s.receipt = FlowSnapshot.ReceiptState.PRINTING;
        s.qrPayload = host.lookupLink(account.enrolmentId);
        host.moveTo(AUTO_TOPUP_DONE);
        long token = s.token;
        ctx.receipts().printStored(receipt, account.enrolmentId, "autotopup",
                ok -> ctx.flow().execute(() -> printed(token, ok)));
    }

    private void printed(long token, boolean ok) {
        Session s = host.session();
        if (s == null || s.token != token) {
            return;
        }
        s.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
        if (host.screen() == AUTO_TOPUP_DONE) {
            host.step(ctx.flow().schedule(() -> {
                if (host.session() != null && host.session().token == token && host.screen() == AUTO_TOPUP_DONE) {
                    host.endSession();
                    host.publish();
                }
            }, ctx.settings().finishAfter()));
        }
        host.publish();
    }
}
