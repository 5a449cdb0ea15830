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
    /** Service tiles after the language: top up, packages, balance, scratch card. */
    HOME,
    /** Operator tiles at the start of a top-up (a hint; the carrier check decides). */
    OPERATOR_CHOICE,
    BALANCE_RESULT,
    PACKAGE_LIST,
    PACKAGE_DETAILS,
    /** The scratch card's PIN on a keypad, masked as typed. */
    VOUCHER_PIN,
    VOUCHER_CHECKING,
    /** What the card is worth and for which operator, before the number is typed. */
    VOUCHER_CONFIRM,
    // Find my number (issue 7 item 4): insert the SIM, reading and asking the carrier, the number, or what failed.
    /** "Insert your SIM card": the reader is armed here. */
    SIM_INSERT,
    /** The card is being read, then the carrier is asked (by ICCID, or for the operator). */
    SIM_READING,
    /** The number, large, the operator, and top up / balance / print. */
    SIM_RESULT,
    /** No number: what went wrong, and "type the number instead". */
    SIM_FAILED,
    OUT_OF_SERVICE,
    SERVICE_LOCK;

    /** Screens where the customer is expected to act, so inactivity warns and then ends the session. */
    public boolean watchesInactivity() {
        return switch (this) {
            case LANGUAGE, NUMBER_ENTRY, OPERATOR_CONFIRM, AMOUNT_ENTRY, CASH_INSERTION, CONFIRM, DONE, CREDIT_VOUCHER,
                    HOME, OPERATOR_CHOICE, BALANCE_RESULT, PACKAGE_LIST, PACKAGE_DETAILS, VOUCHER_PIN, VOUCHER_CONFIRM,
                    SIM_INSERT, SIM_RESULT, SIM_FAILED -> true;
            default -> false;
        };
    }
}
