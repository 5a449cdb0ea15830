package org.topupkiosk.flow;

/** What the customer came for; chosen on the home screen. Later services (e-PIN, eSIM, auto top-up) join here. */
public enum Service {
    /** Money to the balance, amount typed by the customer. */
    TOPUP,
    /** A data, voice or combined package from the carrier's catalog, paid in cash like a top-up. */
    PACKAGE,
    /** Balance and expiry of a number; no money moves. */
    BALANCE,
    /** A scratch card's PIN applied to a number; no cash moves. */
    VOUCHER
}
