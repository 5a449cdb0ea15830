package org.topupkiosk.flow.account;

import static org.topupkiosk.flow.core.Screen.*;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;

/**
 * The one-time code on the flow thread, shared by auto top-up and recent payments: asked for (OTP_SENDING), typed on
 * the keypad (OTP_ENTRY), checked by the carrier (OTP_CHECKING), and on success handed to the service that asked for
 * it ({@link Client}), which spends the token on the one call it opens. Wrong, expired, locked and used codes, a
 * carrier that will not send another code, and a carrier that does not answer all end on the code screen with what
 * to do next. The code is never logged: logs name the challenge id only.
 */
final class OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);

    /** The service a code was asked for. Calls come on the flow thread. */
    interface Client {
        /** Where Back on the code screen goes (the screen the code was asked from). */
        Screen back();

        /** The carrier verified the code; the screen is OTP_CHECKING and {@code token} opens the one call. */
        void verified(String token);
    }

    /** A code asked for in this session: the carrier's challenge, what is typed, what the carrier said last. */
    static final class Code {
        final Msisdn msisdn;
        final String purpose;
        final Client client;
        final StringBuilder typed = new StringBuilder(8);
        OtpChallenge challenge;
        /** Tries left, as the carrier last said; -1 before the first wrong code. */
        int attemptsLeft = -1;
        /** Locked, expired or used: only a new code helps. */
        boolean dead;
        /** The proof from a verified code, until the call it opens has spent it. */
        String token;

        Code(Msisdn msisdn, String purpose, Client client) {
            this.msisdn = msisdn;
            this.purpose = purpose;
            this.client = client;
        }
    }

    private final FeatureContext ctx;
    private final FlowHost host;

    OneTimeCodes(FeatureContext ctx) {
        this.ctx = ctx;
        this.host = ctx.host();
    }

    boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case OTP_ENTRY -> onEntry(c);
            case OTP_SENDING, OTP_CHECKING ->
                    c instanceof StartOver || c instanceof Back ? leaveWait(screen, c) : false;
            default -> false;
        };
    }

    /** Asks the carrier to send a new code for {@code purpose} to {@code msisdn}; from the summary, number or code. */
    void request(Msisdn msisdn, String purpose, Client client) {
        Session s = host.session();
        Screen from = host.screen();
        Code earlier = AccountState.of(s).otp;
        Code code = earlier != null && earlier.msisdn.equals(msisdn) && earlier.purpose.equals(purpose)
                ? earlier : new Code(msisdn, purpose, client);
        AccountState.of(s).otp = code;
        long token = s.token;
        host.say(null);
        host.moveTo(OTP_SENDING);
        host.step(ctx.call("otp-request", () -> ctx.carrier().requestOtp(msisdn, purpose),
                r -> {
                    if (!host.isCurrent(token, OTP_SENDING)) {
                        return;
                    }
                    onSent(r, code, from);
                    host.publish();
                }));
    }

    private void onSent(CarrierCalls.Result<OtpChallenge> r, Code code, Screen from) {
        // A code the carrier did not send leaves the earlier one, if any, to be typed.
        Screen back = from == OTP_ENTRY && code.challenge != null ? OTP_ENTRY : code.client.back();
        if (r instanceof CarrierCalls.Result.Ok<OtpChallenge> ok) {
            code.challenge = ok.value();
            code.typed.setLength(0);
            code.attemptsLeft = -1;
            code.dead = false;
            code.token = null;
            log.info("one-time code sent otp={} number={} purpose={}", ok.value().otpId(), code.msisdn.masked(),
                    code.purpose);
            host.say(from == OTP_ENTRY ? FlowMessage.info("otp.resent") : null);
            host.moveTo(OTP_ENTRY);
            return;
        }
        if (r instanceof CarrierCalls.Result.Failed<OtpChallenge> f && f.error().kind() == CarrierException.Kind.REFUSED) {
            if ("too-many-codes".equals(f.error().code())) {
                host.say(FlowMessage.error("otp.too_many_codes"));
                host.moveTo(back);
            } else {
                AccountState.of(host.session()).otp = null;
                host.say(FlowMessage.error("otp.unknown_number"));
                host.moveTo(NUMBER_ENTRY);
            }
            return;
        }
        host.say(FlowMessage.error("otp.unavailable"));
        host.moveTo(back);
    }

    private boolean onEntry(FlowCommand c) {
        Session s = host.session();
        Code code = AccountState.of(s).otp;
        if (code == null || code.challenge == null) {
            return false;
        }
        StringBuilder typed = code.typed;
        // A dead code (locked, expired) takes no more digits: the customer asks for a new one.
        int room = code.dead ? typed.length() : code.challenge.codeLength();
        if (TouchInput.edit(typed, c, room, false)) {
            host.say(null);
        } else if (c instanceof Next) {
            next(code);
        } else if (c instanceof ResendCode) {
            request(code.msisdn, code.purpose, code.client);
        } else {
            return host.backOrStartOver(c, () -> {
                AccountState.of(s).otp = null;
                host.say(null);
                host.moveTo(code.client.back());
            });
        }
        return true;
    }

    private void next(Code code) {
        if (code.dead) {
            host.say(FlowMessage.error("otp.need_new"));
            return;
        }
        if (code.token != null) {
            // Verified before, and the call it opens did not get through: try that call again with the same token.
            host.say(null);
            host.moveTo(OTP_CHECKING);
            code.client.verified(code.token);
            return;
        }
        if (code.typed.length() < code.challenge.codeLength()) {
            host.say(FlowMessage.error("otp.code_short", Integer.toString(code.challenge.codeLength())));
            return;
        }
        verify(code);
    }

    private void verify(Code code) {
        Session s = host.session();
        String otpId = code.challenge.otpId();
        String typed = code.typed.toString();
        long token = s.token;
        host.say(null);
        host.moveTo(OTP_CHECKING);
        host.step(ctx.call("otp-verify", () -> ctx.carrier().verifyOtp(otpId, typed), r -> {
            if (!host.isCurrent(token, OTP_CHECKING)) {
                return;
            }
            onChecked(r, code);
            host.publish();
        }));
    }

    private void onChecked(CarrierCalls.Result<OtpCheck> r, Code code) {
        if (r instanceof CarrierCalls.Result.Ok<OtpCheck> ok && ok.value().verified()) {
            log.info("one-time code verified otp={}", code.challenge.otpId());
            code.token = ok.value().token();
            code.attemptsLeft = ok.value().attemptsLeft();
            code.client.verified(code.token);
            return;
        }
        if (r instanceof CarrierCalls.Result.Ok<OtpCheck> ok) {
            OtpCheck check = ok.value();
            log.info("one-time code refused otp={} reason={} attempts_left={}", code.challenge.otpId(), check.reason(),
                    check.attemptsLeft());
            code.typed.setLength(0);
            code.attemptsLeft = check.attemptsLeft();
            switch (check.reason()) {
                case OtpCheck.WRONG_CODE -> host.say(FlowMessage.error("otp.wrong_code", check.attemptsLeft()));
                case OtpCheck.LOCKED -> refuse(code, "otp.locked");
                case OtpCheck.EXPIRED -> refuse(code, "otp.expired");
                default -> refuse(code, "otp.used");
            }
            host.moveTo(OTP_ENTRY);
            return;
        }
        if (r instanceof CarrierCalls.Result.Failed<OtpCheck> f && f.error().kind() == CarrierException.Kind.REFUSED) {
            // unknown-otp: the carrier forgot the challenge (restarted); only a new code helps.
            refuse(code, "otp.expired");
        } else {
            // No answer: the typed code stays; a repeat of the same right code gets the same token
            // (docs/carrier-api.md).
            host.say(FlowMessage.error("otp.check_unavailable"));
        }
        host.moveTo(OTP_ENTRY);
    }

    private void refuse(Code code, String key) {
        code.dead = true;
        code.token = null;
        code.typed.setLength(0);
        host.say(FlowMessage.error(key));
    }

    /** The service's call said the token is no good (spent, expired): only a new code helps. */
    void tokenRefused() {
        Code code = AccountState.of(host.session()).otp;
        if (code != null) {
            refuse(code, "otp.need_new");
        }
        host.moveTo(OTP_ENTRY);
    }

    /** The service's call got no answer: the token stays, and Next on the code screen tries that call again. */
    void callUnanswered() {
        host.say(FlowMessage.error("otp.check_unavailable"));
        host.moveTo(OTP_ENTRY);
    }

    private boolean leaveWait(Screen screen, FlowCommand c) {
        host.cancelStep();
        if (c instanceof StartOver) {
            return host.endSession();
        }
        Code code = AccountState.of(host.session()).otp;
        host.moveTo(screen == OTP_CHECKING && code != null && code.challenge != null ? OTP_ENTRY
                : code == null ? NUMBER_ENTRY : code.client.back());
        return true;
    }

    /** The code as the screen shows it: where it went, how long, how many digits, what is typed, tries left. */
    static String typed(Code code) {
        return code == null ? "" : code.typed.toString();
    }
}
