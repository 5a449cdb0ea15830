package org.topupkiosk.flow.account;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.journal.HistoryEntry;
import org.topupkiosk.journal.Journal;

/**
 * The services confirmed by a one-time code, as {@link CustomerServices} sees them: auto top-up enrolment
 * ({@link AutoTopUps}) and a number's recent payments with receipt copies ({@link PaymentHistory}), sharing the code
 * screens ({@link OneTimeCodes}). Runs on the flow thread and moves screens only through the flow's host.
 */
public final class AccountServices {

    private final FeatureContext ctx;
    private final FlowHost host;
    private final OneTimeCodes codes;
    private final AutoTopUps autoTopUps;
    private final PaymentHistory history;

    public AccountServices(FeatureContext ctx, Journal journal) {
        this.ctx = ctx;
        this.host = ctx.host();
        EnrolmentDesk desk = new EnrolmentDesk(journal, ctx.settings().kioskId(), ctx.clock());
        this.codes = new OneTimeCodes(ctx);
        this.autoTopUps = new AutoTopUps(ctx, desk, codes);
        this.history = new PaymentHistory(ctx, journal, desk, codes);
    }

    /** The home tile: both services start with the number, a fresh start for what they gathered before. */
    public void start(Session s, Service service) {
        AccountState account = AccountState.of(s);
        account.otp = null;
        account.autoThreshold = null;
        account.autoAmount = null;
        account.enrolmentId = null;
        account.enrolment = null;
        account.history = List.of();
        account.historyPage = 0;
        account.historyUseId = null;
        account.reprinted.clear();
        account.reprinting = null;
        host.moveTo(NUMBER_ENTRY);
    }

    /** Next on the number screen; false when the session's service is not one of these. */
    public boolean numberTyped(Msisdn msisdn) {
        Service service = host.session().service;
        if (service == Service.AUTO_TOPUP) {
            autoTopUps.numberTyped(msisdn);
            return true;
        }
        if (service == Service.HISTORY) {
            history.numberTyped(msisdn);
            return true;
        }
        return false;
    }

    public boolean handle(Screen screen, FlowCommand c) {
        return switch (screen) {
            case OTP_SENDING, OTP_ENTRY, OTP_CHECKING -> codes.handle(screen, c);
            case AUTO_TOPUP_THRESHOLD, AUTO_TOPUP_AMOUNT, AUTO_TOPUP_SUMMARY, AUTO_TOPUP_SUBMITTING, AUTO_TOPUP_DONE ->
                    autoTopUps.handle(screen, c);
            case HISTORY_LIST -> history.handle(screen, c);
            default -> false;
        };
    }

    /** Waits that a lock (service menu, door) may end at once: nothing is sent that could change anything. */
    public static boolean endsOnLock(Screen screen) {
        return screen == OTP_SENDING || screen == OTP_CHECKING;
    }

    // Snapshot --------------------------------------------------------------------------------------------------------

    public AccountView view(Session s, Screen screen, Lang lang) {
        AccountState account = AccountState.of(s);
        if (s.service != Service.AUTO_TOPUP && s.service != Service.HISTORY) {
            return null;
        }
        OneTimeCodes.Code code = account.otp;
        OtpChallenge challenge = code == null ? null : code.challenge;
        LocalTime expires = challenge == null ? null
                : LocalTime.ofInstant(challenge.expiresAt(), ctx.clock().getZone()).withNano(0);
        AccountView.Rule replaced = account.enrolment == null || account.enrolment.replaced() == null ? null
                : new AccountView.Rule(account.enrolment.replaced().threshold(), account.enrolment.replaced().amount());
        List<AccountView.Row> rows = new ArrayList<>();
        int pages = PaymentHistory.pages(account.history.size());
        if (screen == HISTORY_LIST) {
            for (HistoryEntry e : TouchInput.page(account.history, account.historyPage,
                    PaymentHistory.PER_PAGE)) {
                rows.add(row(e, lang, s));
            }
        }
        return new AccountView(
                screen == AUTO_TOPUP_THRESHOLD ? AutoTopUps.THRESHOLDS : screen == AUTO_TOPUP_AMOUNT ? AutoTopUps.AMOUNTS
                        : List.of(),
                account.autoThreshold, account.autoAmount,
                code == null ? null : code.msisdn.masked(),
                challenge == null ? 0 : challenge.codeLength(),
                OneTimeCodes.typed(code), expires,
                code == null ? -1 : code.attemptsLeft,
                code != null && code.dead,
                account.enrolmentId,
                account.enrolment == null || account.enrolment.rule() == null ? null : account.enrolment.rule().ruleId(),
                replaced, rows, account.historyPage, pages, account.history.size(), account.reprinting);
    }

    private AccountView.Row row(HistoryEntry e, Lang lang, Session s) {
        AccountView.Kind kind = switch (e.kind()) {
            case "topup" -> AccountView.Kind.TOPUP;
            case "package" -> AccountView.Kind.PACKAGE;
            case HistoryEntry.SCRATCH_CARD -> AccountView.Kind.SCRATCH_CARD;
            case HistoryEntry.AUTO_TOPUP -> AccountView.Kind.AUTO_TOPUP;
            default -> AccountView.Kind.OTHER;
        };
        AccountView.Status status = switch (e.state()) {
            case CONFIRMED -> kind == AccountView.Kind.AUTO_TOPUP ? AccountView.Status.ACTIVE
                    : AccountView.Status.CREDITED;
            case PENDING -> AccountView.Status.PENDING;
            case REFUSED -> AccountView.Status.REFUSED;
            case CANCELLED -> AccountView.Status.CANCELLED;
            case UNCONFIRMED -> AccountView.Status.UNCONFIRMED;
        };
        String operator = e.operatorId() == null ? null
                : ctx.catalog().operator(e.operatorId()).map(o -> o.name(lang.code())).orElse(null);
        return new AccountView.Row(e.id(), LocalDateTime.ofInstant(e.at(), ctx.clock().getZone()).withNano(0), kind,
                operator, e.amount(), e.threshold(), status, e.credit() != null, AccountState.of(s).reprinted.contains(e.id()));
    }
}
