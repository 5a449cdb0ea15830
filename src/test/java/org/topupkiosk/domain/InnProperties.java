package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** INN check digits: real numbers pass, every completed body passes, and any one changed digit is caught. */
class InnProperties {

    @Test
    void realInnsOfOrganisationsAndPeoplePass() {
        // Published INNs: Sberbank, MTS, and a 12-digit one from the tax service's own examples.
        assertThat(Inn.valid("7707083893")).isTrue();
        assertThat(Inn.valid("7740000076")).isTrue();
        assertThat(Inn.valid("500100732259")).isTrue();
        assertThat(Inn.problem("7707083894")).contains("check digit");
        assertThat(Inn.problem("77070838")).contains("10 digits");
        assertThat(Inn.problem("77070838ab")).contains("10 digits");
    }

    @Property(tries = 5000)
    void aCompletedBodyIsValidAndOneChangedDigitIsNot(@ForAll("bodies") String body,
            @ForAll("positions") int position, @ForAll("shifts") int shift) {
        String inn = Inn.complete(body);
        assertThat(Inn.valid(inn)).isTrue();
        assertThat(Inn.problem(inn)).isNull();
        int at = position % inn.length();
        char changed = (char) ('0' + (inn.charAt(at) - '0' + shift) % 10);
        String typo = inn.substring(0, at) + changed + inn.substring(at + 1);
        // A single changed digit moves the weighted sum by weight * shift, never a multiple of 11 here, except where
        // the sum mod 11 is 10 (check digit 0): then the typo may still pass. Count only the catches that must happen.
        if (Inn.valid(typo)) {
            assertThat(typo).isNotEqualTo(inn);
            assertThat(mod11(typo) || mod11(inn)).isTrue();
        }
    }

    /** Where a weighted sum is 10 mod 11, read as check digit 0 like a sum of 0: a typo between them passes. */
    private static boolean mod11(String inn) {
        int[] ten = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] eleven = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] twelve = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        if (inn.length() == 10) {
            return sum(inn, ten) % 11 == 10;
        }
        return sum(inn, eleven) % 11 == 10 || sum(inn, twelve) % 11 == 10;
    }

    private static int sum(String s, int[] w) {
        int sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * (s.charAt(i) - '0');
        }
        return sum;
    }

    @Property(tries = 3000)
    void anythingButDigitsOfTheRightLengthIsRefused(@ForAll String text) {
        if (!text.matches("\\d{10}|\\d{12}")) {
            assertThat(Inn.valid(text)).isFalse();
            assertThat(Inn.problem(text)).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(9),
                Arbitraries.strings().numeric().ofLength(10));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 11);
    }

    @Provide
    Arbitrary<Integer> shifts() {
        return Arbitraries.integers().between(1, 9);
    }
}
