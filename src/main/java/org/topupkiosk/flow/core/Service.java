package org.topupkiosk.flow.core;

/** What the customer came for; chosen on the home screen. */
public enum Service {
    /** Money to the balance, amount typed by the customer. */
    TOPUP,
    /** A data, voice or combined package from the carrier's catalog, paid in cash like a top-up. */
    PACKAGE,
    /** Balance and expiry of a number; no money moves. */
    BALANCE,
    /** A scratch card's PIN applied to a number; no cash moves. */
    VOUCHER,
    /** An e-PIN voucher bought for cash: the carrier issues a PIN, printed large and shown once. */
    EPIN,
    /** An eSIM bought for cash: the carrier issues an SGP.22 activation code, shown and printed as a QR code. */
    ESIM,
    /** Auto top-up enrolment: threshold and amount, confirmed by a one-time code; no cash moves. */
    AUTO_TOPUP,
    /** Find my number: the SIM card in the reader tells the number (or the carrier does, by ICCID). */
    FIND_NUMBER,
    /** A number's recent payments at this kiosk and receipt reprints, after a one-time code. */
    HISTORY
}
