package org.topupkiosk.carrier;

/**
 * What a carrier gateway can do. The screens offer only the services the configured gateway supports: OSMP, for one,
 * can check a number and pay a top-up, and nothing else.
 */
public enum Capability {
    /** {@link CarrierGateway#checkAccount}. */
    CHECK_ACCOUNT,
    /** {@link CarrierGateway#pay} of a top-up by amount. */
    TOP_UP,
    /** {@link CarrierGateway#balance}. */
    BALANCE,
    /** {@link CarrierGateway#catalog} and paying a package. */
    PACKAGES,
    /** {@link CarrierGateway#validateVoucher} and {@link CarrierGateway#redeemVoucher}. */
    VOUCHERS,
    /** {@link CarrierGateway#goods}: e-PIN vouchers and eSIMs. */
    GOODS,
    /** {@link CarrierGateway#requestOtp}, {@link CarrierGateway#verifyOtp}, {@link CarrierGateway#spendOtpToken}. */
    ONE_TIME_CODES,
    /** {@link CarrierGateway#enrolAutoTopUp}. */
    AUTO_TOP_UP,
    /** {@link CarrierGateway#subscriberBySim}: the number behind a card that does not store it. */
    SIM_LOOKUP
}
