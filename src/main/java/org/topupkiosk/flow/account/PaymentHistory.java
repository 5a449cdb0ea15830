package org.topupkiosk.flow.account;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.journal.HistoryEntry;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.AccountReceipts;
import org.topupkiosk.receipt.ReceiptCopies;

/**
 * A number's recent payments at this kiosk, on the flow thread: the number (NUMBER_ENTRY), a one-time code for
 * purpose {@code history} ({@link OneTimeCodes}), then the carrier spends the code's token (so a code opens the list
 * once) and the kiosk reads its own journal, newest first, a page at a time. "Reprint" prints a copy per
 * {@link ReceiptCopies}: never a second spendable voucher.
 */
public final class PaymentHistory implements OneTimeCodes.Client {

    private static final Logger log = LoggerFactory.getLogger(PaymentHistory.class);

    /** Rows per page: each is a big card with its own Reprint button; the list pages with big arrows. */
    static final int PER_PAGE = 4;
    /** "Recent": what the kiosk shows, and the most it reads. */
    static final Duration WINDOW = Duration.ofDays(90);
    static final int MAX_ENTRIES = 40;
    /** Spending the token with no answer is asked again under the same use id this many times. */
    public static final int SPEND_RETRIES = 2;

    private final FeatureContext ctx;
    private final FlowHost host;
    private final Journal journal;
    private final EnrolmentDesk desk;
    private final OneTimeCodes codes;

    PaymentHistory(FeatureContext ctx, Journal journal, EnrolmentDesk desk, OneTimeCodes codes) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.journal = journal;
        this.desk = desk;
        this.codes = codes;
    }

    /** Next on the number screen: a code for this number's payments. */
    void numberTyped(Msisdn msisdn) {
        Session s = host.session();
        s.msisdn = msisdn;
        codes.request(msisdn, OtpChallenge.PURPOSE_HISTORY, this);
    }

    @Override
    public Screen back() {
        return NUMBER_ENTRY;
    }

    /** The code is right: the carrier spends its token (idempotent under a use id made once), then the list. */
    @Override
    public void verified(String token) {
        Session s = host.session();
        AccountState account = AccountState.of(s);
        if (account.historyUseId == null) {
            account.historyUseId = desk.newTokenUseId();
        }
        spend(s.token, account.historyUseId, token, s.msisdn, 0);
    }

    private void spend(long session, String useId, String token, Msisdn msisdn, int attempt) {
        host.step(ctx.call("otp-token-spend", () -> ctx.carrier().spendOtpToken(useId, token, msisdn,
                OtpChallenge.PURPOSE_HISTORY), r -> {
                    if (!host.isCurrent(session, OTP_CHECKING)) {
                        return;
                    }
                    Session s = host.session();
                    if (r instanceof CarrierCalls.Result.Ok<OtpTokenUse> ok && ok.value().accepted()) {
                        AccountState.of(s).otp.token = null;
                        load(session);
                    } else if (r instanceof CarrierCalls.Result.Ok<OtpTokenUse>) {
                        AccountState.of(s).historyUseId = null;
                        codes.tokenRefused();
                    } else if (attempt < SPEND_RETRIES && r.retryable()) {
                        log.info("history token spend retried use={} attempt={}", useId, attempt + 1);
                        spend(session, useId, token, msisdn, attempt + 1);
                        return;
                    } else {
                        codes.callUnanswered();
                    }
                    host.publish();
                }));
    }

    /** Reads the journal off the flow thread (a year of rows takes tens of milliseconds), then shows the list. */
    private void load(long session) {
        Session s = host.session();
        AccountState account = AccountState.of(s);
        Msisdn msisdn = s.msisdn;
        host.step(ctx.call("history-read", () -> journal.historyOf(msisdn, ctx.clock().instant().minus(WINDOW),
                MAX_ENTRIES), r -> {
                    if (!host.isCurrent(session, OTP_CHECKING)) {
                        return;
                    }
                    if (r instanceof CarrierCalls.Result.Ok<List<HistoryEntry>> ok) {
                        account.history = ok.value();
                        account.historyPage = 0;
                        desk.historyShown(account.historyUseId, msisdn, ok.value().size());
                        host.say(null);
                        host.moveTo(HISTORY_LIST);
                    } else {
                        host.say(FlowMessage.error("history.unavailable"));
                        host.moveTo(OTP_ENTRY);
                    }
                    host.publish();
                }));
    }

    boolean handle(Screen screen, FlowCommand c) {
        if (screen != HISTORY_LIST) {
            return false;
        }
        Session s = host.session();
        AccountState account = AccountState.of(s);
        if (c instanceof Page p) {
            account.historyPage = TouchInput.turn(account.historyPage, p.delta(), account.history.size(), PER_PAGE);
        } else if (c instanceof Reprint rp) {
            reprint(rp.entryId());
        } else if (c instanceof Back) {
            account.history = List.of();
            account.reprinted.clear();
            host.say(null);
            host.moveTo(HOME);
        } else if (c instanceof Finish || c instanceof StartOver) {
            host.endSession();
        } else {
            return false;
        }
        return true;
    }

    static int pages(int entries) {
        return TouchInput.pages(entries, PER_PAGE);
    }

    /** One copy per payment per session (paper is finite; the first copy is the proof). */
    private void reprint(String entryId) {
        Session s = host.session();
        AccountState account = AccountState.of(s);
        Optional<HistoryEntry> entry = account.history.stream().filter(e -> e.id().equals(entryId)).findFirst();
        if (entry.isEmpty()) {
            return;
        }
        if (account.reprinting != null) {
            host.say(FlowMessage.info("history.printing"));
            return;
        }
        if (!account.reprinted.add(entryId)) {
            host.say(FlowMessage.info("history.already_printed"));
            return;
        }
        Lang lang = host.lang();
        ReceiptCopies copies = new ReceiptCopies(journal::receipt,
                r -> Receipt.fromStored(r.receiptId(), r.body(), ctx.settings().receiptColumns()),
                new AccountReceipts(ctx.receipts().layouts()));
        List<Receipt> papers = copies.copies(entry.get(), lang, ctx.clock().instant(),
                id -> ctx.catalog().operator(id).map(o -> o.name(lang.code())).orElse(id));
        account.reprinting = entryId;
        host.say(FlowMessage.info("history.printing"));
        long session = s.token;
        List<String> kinds = new ArrayList<>();
        entry.get().receipts().forEach(r -> kinds.add(r.kind()));
        printAll(papers.iterator(), true, ok -> ctx.flow().execute(() -> {
            desk.copyPrinted(entryId, papers.get(0).id(), kinds.isEmpty() ? "summary" : String.join(",", kinds), ok);
            Session now = host.session();
            if (now == null || now.token != session) {
                return;
            }
            AccountState.of(now).reprinting = null;
            if (host.screen() == HISTORY_LIST) {
                host.say(ok ? FlowMessage.info("history.printed") : FlowMessage.warning("history.print_failed"));
            }
            if (!ok) {
                AccountState.of(now).reprinted.remove(entryId);
            }
            host.publish();
        }));
    }

    private void printAll(Iterator<Receipt> papers, boolean okSoFar, Consumer<Boolean> done) {
        if (!papers.hasNext()) {
            done.accept(okSoFar);
            return;
        }
        ctx.receipts().printCopy(papers.next(), ok -> printAll(papers, okSoFar && ok, done));
    }
}
