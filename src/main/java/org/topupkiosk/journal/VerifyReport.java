package org.topupkiosk.journal;

import java.util.List;

/**
 * What {@link JournalVerifier} found. {@code summary} is one line for logs and the ops console; each violation names
 * the check, where it failed and the numbers that disagree.
 */
public record VerifyReport(String summary, List<Violation> violations) {

    /** One failed check. {@code check} is a stable name (e.g. "invariant", "order_cash", "audit_chain"). */
    public record Violation(String check, String where, String detail) {
        @Override
        public String toString() {
            return check + " " + where + ": " + detail;
        }
    }

    public VerifyReport {
        violations = List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
