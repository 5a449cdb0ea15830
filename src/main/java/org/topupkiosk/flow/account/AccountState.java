package org.topupkiosk.flow.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.journal.HistoryEntry;

/**
 * Auto top-up and recent payments in one session: the one-time code asked for and what it opens. The code typed and
 * its token live only here, never in a log or the journal.
 */
final class AccountState {

    OneTimeCodes.Code otp;
    Money autoThreshold;
    Money autoAmount;
    /** Made once per enrolment and journaled before the first send; reused on every retry. */
    String enrolmentId;
    AutoTopUpEnrolment enrolment;
    List<HistoryEntry> history = List.of();
    int historyPage;
    /** The idempotency key of spending the history token, made once per token. */
    String historyUseId;
    /** Entries already reprinted in this session: one copy each. */
    final Set<String> reprinted = new HashSet<>();
    /** The entry whose copy is printing, or null. */
    String reprinting;

    static AccountState of(Session s) {
        return s.part(AccountState.class, AccountState::new);
    }
}
