package org.topupkiosk.flow.core;

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
    // Auto top-up and recent payments, each confirmed by a one-time code sent to the phone.
    /** How low the balance may fall before the carrier tops it up: big money tiles. */
    AUTO_TOPUP_THRESHOLD,
    /** How much the carrier adds each time: big money tiles. */
    AUTO_TOPUP_AMOUNT,
    /** The rule in one sentence, and "Send code". */
    AUTO_TOPUP_SUMMARY,
    /** Asking the carrier to send the code. */
    OTP_SENDING,
    /** The code from the SMS on a keypad, with where it went, how long it lives and "send a new code". */
    OTP_ENTRY,
    /** Checking the code (and for recent payments, spending its token and reading the journal). */
    OTP_CHECKING,
    AUTO_TOPUP_SUBMITTING,
    /** The rule is on (or not confirmed yet), and the receipt prints. */
    AUTO_TOPUP_DONE,
    /** The number's payments at this kiosk, a page at a time, each with "Reprint". */
    HISTORY_LIST,
    OUT_OF_SERVICE,
    SERVICE_LOCK,
    // e-PIN and eSIM (issue 7 items 1 and 2); GoodsSales drives them.
    /** Operator tiles for an e-PIN or an eSIM. */
    GOODS_OPERATOR,
    /** The carrier's e-PIN nominals or eSIM plans being fetched. */
    GOODS_LOADING,
    /** The nominals or plans, a page at a time. */
    GOODS_LIST,
    /** The phone's EID or IMEI on a keypad; optional, eSIM only. */
    ESIM_DEVICE,
    /** The chosen nominal or plan: price, fee, cash to insert, and where money above the price goes. */
    GOODS_DETAILS,
    /** The PIN in large type or the eSIM's QR code; while the carrier has not answered, the claim code. */
    GOODS_DONE;

    /** Screens where the customer is expected to act, so inactivity warns and then ends the session. */
    public boolean watchesInactivity() {
        return switch (this) {
            case LANGUAGE, NUMBER_ENTRY, OPERATOR_CONFIRM, AMOUNT_ENTRY, CASH_INSERTION, CONFIRM, DONE, CREDIT_VOUCHER,
                    HOME, OPERATOR_CHOICE, BALANCE_RESULT, PACKAGE_LIST, PACKAGE_DETAILS, VOUCHER_PIN, VOUCHER_CONFIRM,
                    SIM_INSERT, SIM_RESULT, SIM_FAILED -> true;
            // Auto top-up and recent payments: the screens where the customer acts (not the waits on the carrier).
            case AUTO_TOPUP_THRESHOLD, AUTO_TOPUP_AMOUNT, AUTO_TOPUP_SUMMARY, OTP_ENTRY, AUTO_TOPUP_DONE,
                    HISTORY_LIST -> true;
            // e-PIN and eSIM: the wait for the catalog too, so a lock or a walk-away ends it like the others.
            case GOODS_OPERATOR, GOODS_LOADING, GOODS_LIST, ESIM_DEVICE, GOODS_DETAILS, GOODS_DONE -> true;
            default -> false;
        };
    }
}
