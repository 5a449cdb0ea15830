package org.topupkiosk.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scanned code means to the kiosk (see {@link ScannedCode#classify}). The flow decides what to do with each
 * kind on its current screen; a kind the screen does not take is explained with {@link #notHereKey()}, and an
 * {@link Unknown} code with its reason's {@link Unknown.Reason#messageKey()}. All keys are in the ru, en and zh bundles.
 */
public sealed interface CodeMeaning permits CodeMeaning.ScratchCard, CodeMeaning.CreditVoucher,
        CodeMeaning.EsimOrder, CodeMeaning.PhoneNumber, CodeMeaning.Unknown, CodeMeaning.GoodsClaim {

    /** The i18n key that tells the customer this kind of code is not taken on the current screen. */
    String notHereKey();

    /**
     * A carrier scratch card (docs/scanner-codes.md): a 16-digit PIN ending in a Luhn digit (Code 128 or QR), or an
     * EAN-13 card number in the restricted-circulation prefix 29 with its GS1 check digit.
     *
     * @param code the digits without spaces; a PIN is a secret: log {@link #masked()}, never this
     */
    record ScratchCard(String code, Symbology symbology) implements CodeMeaning {
        public ScratchCard {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(symbology, "symbology");
        }

        public boolean isPin() {
            return code.length() == ScannedCode.SCRATCH_PIN_LENGTH;
        }

        public String masked() {
            return "*".repeat(code.length() - 4) + code.substring(code.length() - 4);
        }

        @Override
        public String notHereKey() {
            return "scan.not_here.scratch_card";
        }

        @Override
        public String toString() {
            return "ScratchCard[" + masked() + ", " + symbology + "]";
        }
    }

    /** A credit voucher this kiosk printed: 12 digits ending in a Luhn digit, as {@code CreditCodes} makes them. */
    record CreditVoucher(String code) implements CodeMeaning {
        public CreditVoucher {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String notHereKey() {
            return "scan.not_here.credit_voucher";
        }

        /** A bearer secret: logs get its last four digits. */
        @Override
        public String toString() {
            return "CreditVoucher[" + lastFour(code) + "]";
        }
    }

    /**
     * An eSIM activation code (GSMA SGP.22 section 4.1): {@code LPA:1$<SM-DP+ address>$<matching id>}, optionally
     * {@code $<SM-DP+ OID>} and {@code $1} (confirmation code required).
     */
    record EsimOrder(String smdpAddress, String matchingId, Optional<String> smdpOid, boolean confirmationRequired,
                     String activationCode) implements CodeMeaning {
        public EsimOrder {
            Objects.requireNonNull(smdpAddress, "smdpAddress");
            Objects.requireNonNull(matchingId, "matchingId");
            Objects.requireNonNull(smdpOid, "smdpOid");
            Objects.requireNonNull(activationCode, "activationCode");
        }

        @Override
        public String notHereKey() {
            return "scan.not_here.esim";
        }

        /** The matching id and activation code are secrets: logs get the SM-DP+ address and the last four. */
        @Override
        public String toString() {
            return "EsimOrder[" + smdpAddress + ", " + lastFour(activationCode) + "]";
        }
    }

    /**
     * The claim code on the receipt of an e-PIN or eSIM paid for while the carrier had not answered: 14 digits ending in
     * a Luhn digit. Scanned at the kiosk later, it shows what the carrier issued. A bearer secret like a credit voucher:
     * logs get the kind and {@link #masked()}, never the code.
     */
    record GoodsClaim(String code) implements CodeMeaning {
        public GoodsClaim {
            Objects.requireNonNull(code, "code");
        }

        public String masked() {
            return code.length() <= 4 ? "****" : "*".repeat(code.length() - 4) + code.substring(code.length() - 4);
        }

        @Override
        public String notHereKey() {
            return "scan.not_here.goods_claim";
        }

        @Override
        public String toString() {
            return "GoodsClaim[" + masked() + "]";
        }
    }

    /** A phone number from a {@code tel:} URI, normalized by {@link Msisdn#parse}. */
    record PhoneNumber(Msisdn number) implements CodeMeaning {
        public PhoneNumber {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String notHereKey() {
            return "scan.not_here.phone";
        }
    }

    /** Not a code the kiosk takes; {@code detail} is for logs (never the full text of a possible PIN). */
    record Unknown(Reason reason, String detail) implements CodeMeaning {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public enum Reason {
            /** Nothing but blanks or control characters. */
            EMPTY,
            /** Longer than any code the kiosk takes. */
            TOO_LONG,
            /** Looks like a voucher, but a digit is misread or mistyped: the check digit does not match. */
            CHECK_DIGIT,
            /** Starts like an eSIM activation code but does not follow SGP.22. */
            BAD_ESIM_CODE,
            /** A tel: code whose number is not a Russian mobile number. */
            BAD_PHONE_NUMBER,
            /** A store barcode of some product, not a voucher. */
            PRODUCT_BARCODE,
            /** Digits in a barcode family vouchers are never printed in. */
            UNSUPPORTED_FORMAT,
            /** Anything else: a web link, a loyalty card, random text. */
            NOT_RECOGNIZED;

            public String messageKey() {
                return "scan.unknown." + name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public String notHereKey() {
            return reason.messageKey();
        }
    }

    /** "********1234": the last four characters of a bearer secret, for logs. */
    static String lastFour(String secret) {
        return secret.length() <= 4 ? "****" : "*".repeat(secret.length() - 4) + secret.substring(secret.length() - 4);
    }
}
