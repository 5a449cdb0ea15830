package org.topupkiosk.flow.account;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.ReceiptDesk;
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

    private final FlowHost host;
    private final FlowExecutor flow;
    private final CarrierCalls calls;
    private final CarrierGateway carrier;
    private final FlowSettings settings;
    private final Journal journal;
    private final ReceiptDesk receipts;
    private final EnrolmentDesk desk;
    private final OneTimeCodes codes;
    private final Catalog catalog;
    private final Clock clock;

    PaymentHistory(FlowHost host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier,
                   FlowSettings settings, Journal journal, ReceiptDesk receipts, EnrolmentDesk desk, OneTimeCodes codes,
                   Catalog catalog, Clock clock) {
        this.host = host;
        this.flow = flow;
        this.calls = calls;
        this.carrier = carrier;
        this.settings = settings;
        this.journal = journal;
        this.receipts = receipts;
        this.desk = desk;
        this.codes = codes;
        this.catalog = catalog;
        this.clock = clock;
    }

    private boolean current(long token, Screen expected) {
        Session s = host.session();
        return s != null && s.token == token && host.screen() == expected;
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
        if (AccountState.of(s).historyUseId == null) {
            AccountState.of(s).historyUseId = desk.newTokenUseId();
        }
        spend(s.token, AccountState.of(s).historyUseId, token, s.msisdn, 0);
    }

    private void spend(long session, String useId, String token, Msisdn msisdn, int attempt) {
        host.step(calls.call("otp-token-spend", () -> carrier.spendOtpToken(useId, token, msisdn,
                OtpChallenge.PURPOSE_HISTORY), settings.carrierCheckTimeout(), r -> {
                    if (!current(session, OTP_CHECKING)) {
                        return;
                    }
                    Session s = host.session();
                    if (r instanceof CarrierCalls.Result.Ok<OtpTokenUse> ok && ok.value().accepted()) {
                        AccountState.of(s).otp.token = null;
                        load(session);
                    } else if (r instanceof CarrierCalls.Result.Ok<OtpTokenUse>) {
                        AccountState.of(s).historyUseId = null;
                        codes.tokenRefused();
                    } else if (attempt < SPEND_RETRIES && (r instanceof CarrierCalls.Result.TimedOut
                            || ((CarrierCalls.Result.Failed<OtpTokenUse>) r).error().retryable())) {
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
        Msisdn msisdn = s.msisdn;
        host.step(calls.call("history-read", () -> journal.historyOf(msisdn, clock.instant().minus(WINDOW),
                MAX_ENTRIES), settings.carrierCheckTimeout(), r -> {
                    if (!current(session, OTP_CHECKING)) {
                        return;
                    }
                    if (r instanceof CarrierCalls.Result.Ok<List<HistoryEntry>> ok) {
                        AccountState.of(s).history = ok.value();
                        AccountState.of(s).historyPage = 0;
                        desk.historyShown(AccountState.of(s).historyUseId, msisdn, ok.value().size());
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
        if (c instanceof Page p) {
            AccountState.of(s).historyPage = TouchInput.turn(AccountState.of(s).historyPage, p.delta(), AccountState.of(s).history.size(), PER_PAGE);
        } else if (c instanceof Reprint rp) {
            reprint(rp.entryId());
        } else if (c instanceof Back) {
            AccountState.of(s).history = List.of();
            AccountState.of(s).reprinted.clear();
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
        Optional<HistoryEntry> entry = AccountState.of(s).history.stream().filter(e -> e.id().equals(entryId)).findFirst();
        if (entry.isEmpty()) {
            return;
        }
        if (AccountState.of(s).reprinting != null) {
            host.say(FlowMessage.info("history.printing"));
            return;
        }
        if (!AccountState.of(s).reprinted.add(entryId)) {
            host.say(FlowMessage.info("history.already_printed"));
            return;
        }
        Lang lang = host.lang();
        ReceiptCopies copies = new ReceiptCopies(journal::receipt,
                r -> Receipt.fromStored(r.receiptId(), r.body(), settings.receiptColumns()),
                new AccountReceipts(receipts.layouts()));
        List<Receipt> papers = copies.copies(entry.get(), lang, clock.instant(),
                id -> catalog.operator(id).map(o -> o.name(lang.code())).orElse(id));
        AccountState.of(s).reprinting = entryId;
        host.say(FlowMessage.info("history.printing"));
        long session = s.token;
        List<String> kinds = new ArrayList<>();
        entry.get().receipts().forEach(r -> kinds.add(r.kind()));
        printAll(papers.iterator(), true, ok -> flow.execute(() -> {
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
        receipts.printCopy(papers.next(), ok -> printAll(papers, okSoFar && ok, done));
    }
}
