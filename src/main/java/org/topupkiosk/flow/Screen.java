package org.topupkiosk.flow;

/** Which screen the flow is on. The UI shows exactly one screen per value. */
public enum Screen {
    IDLE,
    LANGUAGE,
    NUMBER_ENTRY,
    CHECKING_NUMBER,
    OPERATOR_CONFIRM,
    AMOUNT_ENTRY,
    CASH_INSERTION,
    CONFIRM,
    SUBMITTING,
    RECEIPT,
    DONE,
    CREDIT_VOUCHER,
    OUT_OF_SERVICE,
    SERVICE_LOCK;

    /** Screens where the customer is expected to act, so inactivity warns and then ends the session. */
    public boolean watchesInactivity() {
        return switch (this) {
            case LANGUAGE, NUMBER_ENTRY, OPERATOR_CONFIRM, AMOUNT_ENTRY, CASH_INSERTION, CONFIRM, DONE, CREDIT_VOUCHER -> true;
            default -> false;
        };
    }
}
