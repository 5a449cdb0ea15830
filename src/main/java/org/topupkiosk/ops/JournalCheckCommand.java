package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.VerifyReport;
import picocli.CommandLine.Command;

/**
 * {@code kioskctl journal check}: SQLite's quick_check and integrity_check, then verify, each said in plain words with
 * what the technician does about it. Exit 0 when all is well, 1 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the journal file and its money, and say in plain words what is wrong and what to do.")
final class JournalCheckCommand extends JournalTool {

    @Override
    int run(Journal journal, PrintWriter out) {
        List<String> damage = journal.quickCheck();
        out.println(damage.isEmpty() ? "file: sound (SQLite quick_check)" : "file: DAMAGED (SQLite quick_check)");
        damage.forEach(d -> out.println("  " + d));
        VerifyReport report = journal.verify();
        if (report.ok()) {
            out.println("money and audit: sound (" + report.summary() + ")");
        } else {
            out.println("money and audit: " + report.violations().size() + " problem(s)");
            report.violations().forEach(v -> out.println("  " + v));
        }
        Set<String> advice = new LinkedHashSet<>();
        if (!damage.isEmpty()) {
            advice.add(DAMAGED);
        }
        report.violations().forEach(v -> advice.add(advice(v.check())));
        if (advice.isEmpty()) {
            out.println("nothing to do; audit head " + journal.auditHead().printed());
        } else {
            out.println("what to do:");
            advice.forEach(a -> out.println("  - " + a));
        }
        out.flush();
        return damage.isEmpty() && report.ok() ? 0 : 1;
    }

    private static final String DAMAGED = "The journal file is damaged. Keep the kiosk out of service (it refuses cash on "
            + "a damaged journal). Copy the file and its keys/ folder off the kiosk, restore the last backup with its "
            + "key, and settle the money since then against the carrier's ledger and the printed reports.";

    private static final String ALTERED = "The journal was changed outside the kiosk. Keep the kiosk out of service, "
            + "do not edit or delete anything, make a copy (kioskctl journal backup) for the investigation and call "
            + "security. Check it against the head printed on the last Z or encashment report: "
            + "kioskctl journal verify --head <rows>:<hash>.";

    static String advice(String check) {
        return switch (check) {
            case "integrity" -> DAMAGED;
            case "audit_key" -> "The audit key is missing or is not this journal's. Restore keys/<journal>.key from "
                    + "the backup made with the journal (kioskctl journal backup copies it). If no copy exists, the "
                    + "journal can no longer be proven unaltered: call security before the kiosk takes cash again.";
            case "audit_head" -> "The head file beside the key is missing or unreadable. Verify against the head "
                    + "printed on the last Z or encashment report: kioskctl journal verify --head <rows>:<hash>.";
            case "undelivered_credit" -> "A customer's credit voucher was never printed. Reprint it from the service "
                    + "menu (Receipts) and keep it for the customer; the report names it by its last four digits.";
            case "audit_chain", "audit_truncated", "audit_rewritten", "audit_missing", "audit_orphan",
                 "trigger_missing", "trigger_changed", "outbox_payload", "receipt_body" -> ALTERED;
            default -> "The money does not add up. Keep the kiosk out of service and send this output to support.";
        };
    }
}
