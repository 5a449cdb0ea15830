package org.topupkiosk.ui.service;

import java.util.List;
import org.topupkiosk.ui.kit.KeyConstants;

/** Every i18n key of the service screens, so a test can check each exists in ru, en and zh. */
public final class ServiceKeys {

    private ServiceKeys() {}

    public static final String TITLE = "service.title";
    public static final String PIN_TITLE = "service.pin.title";
    public static final String PIN_HINT = "service.pin.hint";
    public static final String PIN_ENTER = "service.pin.enter";
    public static final String PIN_CHECKING = "service.pin.checking";
    public static final String PIN_WRONG = "service.pin.wrong";
    public static final String PIN_LOCKED = "service.pin.locked";
    public static final String PIN_UNAVAILABLE = "service.pin.unavailable";
    public static final String PIN_UNAVAILABLE_HINT = "service.pin.unavailable_hint";
    public static final String PIN_TOO_SHORT = "service.pin.too_short";
    public static final String BACK_TO_CUSTOMERS = "service.back_to_customers";
    public static final String CANCEL = "service.cancel";
    public static final String WORKING = "service.working";
    public static final String FAILED = "service.failed";
    public static final String MENU_HINT = "service.menu.hint";
    public static final String MENU_DEVICES = "service.menu.devices";
    public static final String MENU_OUTBOX = "service.menu.outbox";
    public static final String MENU_JOURNAL = "service.menu.journal";
    public static final String MENU_PRINTER = "service.menu.printer_test";
    public static final String MENU_RECEIPTS = "service.menu.receipts";
    public static final String MENU_EXIT = "service.menu.exit";
    public static final String DEVICE_OK = "service.device.state.ok";
    public static final String DEVICE_DEGRADED = "service.device.state.degraded";
    public static final String DEVICE_FAILED = "service.device.state.failed";
    public static final String DEVICE_OFFLINE = "service.device.state.offline";
    public static final String DEVICE_PRINTER = "service.device.printer";
    public static final String DEVICE_BILL_ACCEPTOR = "service.device.bill_acceptor";
    public static final String DEVICE_EVENTS = "service.device.events";
    public static final String DEVICE_GPIO = "service.device.gpio";
    public static final String DEVICE_POWER_CYCLE = "service.device.power_cycle";
    public static final String DEVICE_POWER_CYCLED = "service.device.power_cycled";
    public static final String DEVICE_POWER_CYCLE_REFUSED = "service.device.power_cycle_refused";
    public static final String OUTBOX_PENDING = "service.outbox.pending";
    public static final String OUTBOX_OLDEST = "service.outbox.oldest";
    public static final String OUTBOX_ATTEMPTS = "service.outbox.attempts";
    public static final String OUTBOX_LAST_ERROR = "service.outbox.last_error";
    public static final String OUTBOX_CONFLICTS = "service.outbox.conflicts";
    public static final String OUTBOX_SYNC = "service.outbox.sync";
    public static final String OUTBOX_SYNC_STARTED = "service.outbox.sync_started";
    public static final String JOURNAL_OK = "service.journal.ok";
    public static final String JOURNAL_VIOLATIONS = "service.journal.violations";
    public static final String JOURNAL_RUN = "service.journal.run";
    public static final String PRINTER_RUN = "service.printer.run";
    public static final String PRINTER_PRINTED = "service.printer.printed";
    public static final String PRINTER_FAILED = "service.printer.failed";
    public static final String RECEIPTS_UNPRINTED = "service.receipts.unprinted";
    public static final String RECEIPTS_RECENT = "service.receipts.recent";
    public static final String RECEIPTS_NONE = "service.receipts.none";
    public static final String RECEIPTS_REPRINT = "service.receipts.reprint";
    public static final String RECEIPTS_PRINTED = "service.receipts.printed";
    public static final String RECEIPTS_NOT_PRINTED = "service.receipts.not_printed";
    public static final String MENU_ENCASHMENT = "service.menu.encashment";
    public static final String ENCASH_SINCE = "service.encashment.since";
    public static final String ENCASH_NEVER = "service.encashment.never";
    public static final String ENCASH_NOTE_ROW = "service.encashment.note_row";
    public static final String ENCASH_TOTAL = "service.encashment.total";
    public static final String ENCASH_EMPTY = "service.encashment.empty";
    public static final String ENCASH_RUN = "service.encashment.run";
    public static final String ENCASH_CONFIRM = "service.encashment.confirm";
    public static final String ENCASH_CONFIRM_BODY = "service.encashment.confirm_body";
    public static final String ENCASH_DONE = "service.encashment.done";
    public static final String ENCASH_NOT_PRINTED = "service.encashment.not_printed";
    public static final String ENCASH_REPRINT = "service.encashment.reprint";
    public static final String ENCASH_NONE_YET = "service.encashment.none_yet";
    public static final String DEVICE_TEST_RUN = "service.device_test.run";
    public static final String DEVICE_TEST_RUNNING = "service.device_test.running";
    public static final String DEVICE_TEST_PASSED = "service.device_test.passed";
    public static final String DEVICE_TEST_FAILED = "service.device_test.failed";
    public static final String DEVICE_TEST_ACCEPTOR_HINT = "service.device_test.acceptor_hint";
    public static final String DEVICE_TEST_AGAIN = "service.device_test.again";
    public static final String EXIT_TITLE = "service.exit.title";
    public static final String EXIT_BODY = "service.exit.body";
    public static final String EXIT_CONFIRM = "service.exit.confirm";
    public static final String NUMBERING_IMPORTED = "service.numbering.imported";
    public static final String NUMBERING_NOT_IMPORTED = "service.numbering.not_imported";
    public static final String MENU_FISCAL = "service.menu.fiscal";
    public static final String FISCAL_NONE = "service.fiscal.none";
    public static final String FISCAL_ALL_OK = "service.fiscal.all_ok";
    public static final String FISCAL_SHIFT_OPEN = "service.fiscal.shift_open";
    public static final String FISCAL_SHIFT_CLOSED = "service.fiscal.shift_closed";
    public static final String FISCAL_FN = "service.fiscal.fn";
    public static final String FISCAL_UNSENT = "service.fiscal.unsent";
    public static final String FISCAL_UNSENT_NONE = "service.fiscal.unsent_none";
    public static final String FISCAL_PAPER = "service.fiscal.paper";
    public static final String FISCAL_PAPER_OK = "service.fiscal.paper.ok";
    public static final String FISCAL_PAPER_NEAR_END = "service.fiscal.paper.near_end";
    public static final String FISCAL_PAPER_OUT = "service.fiscal.paper.out";
    public static final String FISCAL_PAPER_UNKNOWN = "service.fiscal.paper.unknown";
    public static final String FISCAL_WARN_FAILED = "service.fiscal.warn.register_failed";
    public static final String FISCAL_WARN_FN_EXPIRED = "service.fiscal.warn.fn_expired";
    public static final String FISCAL_WARN_FN_EXPIRING = "service.fiscal.warn.fn_expiring";
    public static final String FISCAL_WARN_UNSENT = "service.fiscal.warn.unsent";
    public static final String FISCAL_WARN_PAPER_OUT = "service.fiscal.warn.paper_out";
    public static final String FISCAL_WARN_PAPER_NEAR_END = "service.fiscal.warn.paper_near_end";
    public static final String FISCAL_X = "service.fiscal.x";
    public static final String FISCAL_Z = "service.fiscal.z";
    public static final String FISCAL_REPRINT = "service.fiscal.reprint";
    public static final String FISCAL_Z_CONFIRM = "service.fiscal.z_confirm";
    public static final String FISCAL_Z_CONFIRM_BODY = "service.fiscal.z_confirm_body";
    public static final String FISCAL_DONE = "service.fiscal.done";
    public static final String FISCAL_ACTION_FAILED = "service.fiscal.action_failed";
    public static final String FISCAL_ACTION_X = "service.fiscal.action.x_report";
    public static final String FISCAL_ACTION_Z = "service.fiscal.action.z_report";
    public static final String FISCAL_ACTION_REPRINT = "service.fiscal.action.reprint_last";

    /** Every key above, for the completeness test. */
    public static List<String> all() {
        return KeyConstants.of(ServiceKeys.class);
    }
}
