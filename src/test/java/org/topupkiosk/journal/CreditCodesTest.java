package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.topupkiosk.testing.Property;

class CreditCodesTest {

    @Test
    void knownLuhnExample() {
        // 7992739871 + check digit 3 is the textbook Luhn example; padded to our 12 digits with leading zeros.
        assertThat(CreditCodes.isValid("079927398713")).isTrue();
        assertThat(CreditCodes.isValid("079927398710")).isFalse();
    }

    @Test
    void everyGeneratedCodeIsValidAndAnySingleDigitTypoIsCaught() {
        Property.forAll(200, r -> {
            String code = new CreditCodes(r).next();
            assertThat(code).hasSize(12).containsOnlyDigits();
            assertThat(CreditCodes.isValid(code)).isTrue();
            int pos = r.nextInt(12);
            char typo = (char) ('0' + (code.charAt(pos) - '0' + 1 + r.nextInt(9)) % 10);
            String mistyped = code.substring(0, pos) + typo + code.substring(pos + 1);
            assertThat(CreditCodes.isValid(mistyped)).as(mistyped).isFalse();
        });
    }

    @Test
    void typedFormsAreNormalized() {
        String code = new CreditCodes().next();
        assertThat(CreditCodes.normalize(CreditCodes.pretty(code))).isEqualTo(code);
        assertThat(CreditCodes.normalize(" " + code.substring(0, 6) + "-" + code.substring(6))).isEqualTo(code);
        assertThat(CreditCodes.isValid("12345")).isFalse();
        assertThat(CreditCodes.isValid(null)).isFalse();
    }
}
