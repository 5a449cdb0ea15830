package org.topupkiosk.flow.account;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ReceiptDesk;
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

    private final FlowHost host;
    private final FlowExecutor flow;
    private final CarrierCalls calls;
    private final CarrierGateway carrier;
    private final FlowSettings settings;
    private final ReceiptDesk receipts;
    private final EnrolmentDesk desk;
    private final OneTimeCodes codes;
    private final Clock clock;

    AutoTopUps(FlowHost host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier,
               FlowSettings settings, ReceiptDesk receipts, EnrolmentDesk desk, OneTimeCodes codes, Clock clock) {
        this.host = host;
        this.flow = flow;
        this.calls = calls;
        this.carrier = carrier;
        this.settings = settings;
        this.receipts = receipts;
        this.desk = desk;
        this.codes = codes;
        this.clock = clock;
    }

    private boolean current(long token, Screen expected) {
        Session s = host.session();
        return s != null && s.token == token && host.screen() == expected;
    }

    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case AUTO_TOPUP_THRESHOLD -> onThreshold(c);
            case AUTO_TOPUP_AMOUNT -> onAmount(c);
            case AUTO_TOPUP_SUMMARY -> onSummary(c);
            case AUTO_TOPUP_SUBMITTING -> false; // the enrolment is on its way; its answer moves on
            case AUTO_TOPUP_DONE -> c instanceof Finish || c instanceof StartOver ? host.endSession() : false;
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
        Session s = host.session();
        if (c instanceof ChooseAmount a && THRESHOLDS.contains(a.amount())) {
            AccountState.of(s).autoThreshold = a.amount();
            host.say(null);
            host.moveTo(AUTO_TOPUP_AMOUNT);
        } else if (c instanceof Back) {
            AccountState.of(s).autoThreshold = null;
            host.moveTo(NUMBER_ENTRY);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    private boolean onAmount(FlowCommand c) {
        Session s = host.session();
        if (c instanceof ChooseAmount a && AMOUNTS.contains(a.amount())) {
            AccountState.of(s).autoAmount = a.amount();
            host.say(null);
            host.moveTo(AUTO_TOPUP_SUMMARY);
        } else if (c instanceof Back) {
            AccountState.of(s).autoAmount = null;
            host.moveTo(AUTO_TOPUP_THRESHOLD);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    private boolean onSummary(FlowCommand c) {
        Session s = host.session();
        if (c instanceof Next) {
            codes.request(s.msisdn, OtpChallenge.PURPOSE_AUTO_TOP_UP, this);
        } else if (c instanceof Back) {
            host.say(null);
            host.moveTo(AUTO_TOPUP_AMOUNT);
        } else if (c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
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
        if (AccountState.of(s).enrolmentId == null) {
            AccountState.of(s).enrolmentId = desk.newEnrolmentId();
        }
        host.say(null);
        host.moveTo(AUTO_TOPUP_SUBMITTING);
        AutoTopUpRequest request = new AutoTopUpRequest(AccountState.of(s).enrolmentId, s.msisdn, AccountState.of(s).autoThreshold, AccountState.of(s).autoAmount, token);
        attempt(s.token, request, 0);
    }

    private void attempt(long token, AutoTopUpRequest request, int attempt) {
        desk.sending(request.enrolmentId(), request.msisdn(), request.threshold(), request.amount(), attempt);
        host.step(calls.call("autotopup-enrol", () -> carrier.enrolAutoTopUp(request), settings.carrierCheckTimeout(),
                r -> {
                    if (!current(token, AUTO_TOPUP_SUBMITTING)) {
                        return;
                    }
                    onAnswer(r, token, request, attempt);
                    host.publish();
                }));
    }

    private void onAnswer(CarrierCalls.Result<AutoTopUpEnrolment> r, long token, AutoTopUpRequest request,
                          int attempt) {
        Session s = host.session();
        if (r instanceof CarrierCalls.Result.Ok<AutoTopUpEnrolment> ok) {
            AutoTopUpEnrolment e = ok.value();
            desk.answered(e);
            if (e.status() == AutoTopUpEnrolment.Status.ACTIVE) {
                AccountState.of(s).enrolment = e;
                AccountState.of(s).otp.token = null;
                s.paymentStatus = FlowSnapshot.PaymentStatus.CREDITED;
                printAndFinish(e);
            } else {
                // Refused: nothing changed. Trying again is a new enrolment with its own id.
                AccountState.of(s).enrolmentId = null;
                refused(e.refusalCode());
            }
            return;
        }
        boolean retryable = r instanceof CarrierCalls.Result.TimedOut
                || ((CarrierCalls.Result.Failed<AutoTopUpEnrolment>) r).error().retryable();
        if (retryable && attempt < ENROL_RETRIES) {
            log.info("auto top-up enrolment retried id={} attempt={}", request.enrolmentId(), attempt + 1);
            attempt(token, request, attempt + 1);
            return;
        }
        if (!retryable) {
            // The carrier refused the request itself (protocol): nothing was enrolled.
            desk.unknown(request.enrolmentId(), "protocol-" + ((CarrierCalls.Result.Failed<AutoTopUpEnrolment>) r)
                    .error().code());
            AccountState.of(s).enrolmentId = null;
            host.say(FlowMessage.error("autotopup.unavailable"));
            host.moveTo(AUTO_TOPUP_SUMMARY);
            return;
        }
        desk.unknown(request.enrolmentId(), r instanceof CarrierCalls.Result.TimedOut ? "timeout"
                : ((CarrierCalls.Result.Failed<AutoTopUpEnrolment>) r).error().code());
        s.paymentStatus = FlowSnapshot.PaymentStatus.PENDING;
        host.say(FlowMessage.warning("autotopup.unconfirmed", settings.supportPhone()));
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
        AccountReceipts.AutoTopUp facts = new AccountReceipts.AutoTopUp(AccountState.of(s).enrolmentId, clock.instant(),
                s.msisdn.masked(), AccountState.of(s).autoThreshold, AccountState.of(s).autoAmount, e == null ? null : e.rule().ruleId(),
                e == null || e.replaced() == null ? null : e.replaced().threshold(),
                e == null || e.replaced() == null ? null : e.replaced().amount(), e != null);
        Receipt receipt = new AccountReceipts(receipts.layouts()).autoTopUp(facts, host.lang());
        s.receipt = FlowSnapshot.ReceiptState.PRINTING;
        s.qrPayload = host.lookupLink(AccountState.of(s).enrolmentId);
        host.moveTo(AUTO_TOPUP_DONE);
        long token = s.token;
        receipts.printStored(receipt, AccountState.of(s).enrolmentId, "autotopup", ok -> flow.execute(() -> printed(token, ok)));
    }

    private void printed(long token, boolean ok) {
        Session s = host.session();
        if (s == null || s.token != token) {
            return;
        }
        s.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
        if (host.screen() == AUTO_TOPUP_DONE) {
            host.step(flow.schedule(() -> {
                if (host.session() != null && host.session().token == token && host.screen() == AUTO_TOPUP_DONE) {
                    host.endSession();
                    host.publish();
                }
            }, settings.finishAfter()));
        }
        host.publish();
    }
}
